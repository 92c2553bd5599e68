/**
 * The machine-speed yardstick of the performance-regression check: a fixed plain-Java matrix
 * product that every tracked score is divided by.
 */
package org.gmmvi.benchmarks.calibration;
