/**
 * JMH benchmarks of the kernel families across backends (scalar, panama, openblas, auto) and
 * sizes, with EJML as the pure-Java comparison. Every benchmark checks its result once in
 * {@code @Setup}; {@code KernelBenchReport} prints GFLOP/s from the flop counts in each class's
 * Javadoc.
 */
package org.gmmvi.benchmarks.kernels;
