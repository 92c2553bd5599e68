/**
 * The Vector API ({@code jdk.incubator.vector}) backend. Classes here extend the scalar reference
 * classes and override only the hot loops. Nothing outside {@code org.gmmvi.kernels} may depend on
 * this package; obtain it through {@code KernelProvider}. Species constants live in
 * {@code PanamaVectorConstants} so that no vector class initialises before the provider has
 * checked that the incubator module is present.
 */
package org.gmmvi.kernels.panama;
