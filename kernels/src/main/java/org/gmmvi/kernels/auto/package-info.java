/**
 * The "auto" backend: per-operation routing to the scalar, Vector API or OpenBLAS backend by
 * measured size thresholds. It holds no numerical code of its own.
 */
package org.gmmvi.kernels.auto;
