/**
 * JMH benchmarks of single design-choice modules (natural-gradient estimators, sample selection,
 * trust-region updates) at several dimensions, and the tracked cases of the performance-regression
 * check.
 */
package org.gmmvi.benchmarks.modules;
