/**
 * The native backend: OpenBLAS/LAPACKE from bytedeco's bundled linux-x86_64 library, called through
 * FFM critical downcalls on heap arrays (no per-call copies). Classes extend the scalar reference
 * and override the routines that map onto BLAS/LAPACK. Obtain it through {@code KernelProvider};
 * it may be absent on other platforms, so nothing may depend on it directly.
 */
package org.gmmvi.kernels.blas;
