package org.gmmvi.problems;

import org.gmmvi.core.target.Target;
import org.gmmvi.problems.metrics.MetricsHook;

/**
 * A problem instantiated for one run seed: the target the optimizer uses and the problem's metrics
 * hook (which may hold a separate full-batch target or ground-truth data).
 *
 * @param problem the problem definition
 * @param seed    the run seed ({@code 10000 + r} in Experiment 3)
 * @param target  the target for the optimizer
 * @param metrics secondary metrics for logging steps
 */
public record ProblemInstance(Problem problem, long seed, Target target, MetricsHook metrics) {}
