/**
 * The performance-regression check over a JMH JSON result file (ci/perf-check.sh): scores
 * normalised by the calibration benchmark and compared with the committed baseline.
 */
package org.gmmvi.benchmarks.perf;
