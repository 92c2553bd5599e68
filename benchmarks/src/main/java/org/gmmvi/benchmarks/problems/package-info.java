/**
 * JMH benchmarks of batched target evaluations of the paper's problems (WINE, TALOS) with
 * gradients.
 */
package org.gmmvi.benchmarks.problems;
