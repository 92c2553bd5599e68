package org.gmmvi.core.optimizer;

/**
 * Diagnostics of one iteration of ALGORITHM.md §1.6 (returned by {@link GmmviOptimizer#step()}).
 *
 * @param iteration              completed iterations after this one (1 for the first)
 * @param targetEvaluations      cumulative target evaluations (database {@code numSamplesWritten},
 *                               prior samples and dropped samples included)
 * @param numComponents          {@code K} after the iteration (after adaptation)
 * @param componentStepsizes     the per-component step sizes used in this iteration (before
 *                               adaptation, so its length is the {@code K} of the update)
 * @param weightStepsize         the weight step size (or KL bound) used
 * @param numNewSamples          new samples drawn and stored (after dropping invalid ones)
 * @param numSamplesUsed         samples the estimators used (reused plus new)
 * @param droppedSamples         samples dropped by the bad-sample policy in this iteration
 * @param componentsAdded        components added by the adaptation
 * @param componentsRemoved      components removed by the adaptation
 * @param failedComponentUpdates components whose update was rejected (kept unchanged)
 * @param nanosSelect            time of step 1 (selection, including target evaluations)
 * @param nanosEstimate          time of steps 2–3 (component step sizes, NG estimation)
 * @param nanosComponentUpdate   time of step 4
 * @param nanosWeightUpdate      time of steps 5–6
 * @param nanosAdaptation        time of step 8
 */
public record IterationRecord(int iteration, long targetEvaluations, int numComponents,
    double[] componentStepsizes, double weightStepsize, int numNewSamples, int numSamplesUsed,
    int droppedSamples, int componentsAdded, int componentsRemoved, int failedComponentUpdates,
    long nanosSelect, long nanosEstimate, long nanosComponentUpdate, long nanosWeightUpdate,
    long nanosAdaptation) {}
