/**
 * JMH benchmarks and profiling helpers of whole GMMVI iterations (GmmviOptimizer.step()) of
 * several codewords on the paper's problems, with flop models and a JFR summary.
 */
package org.gmmvi.benchmarks.iteration;
