package org.gmmvi.core.sample;

/**
 * Evaluates new samples on the target and applies the optimizer's bad-sample policy: samples whose
 * log-density is NaN or ±∞, or whose gradient has a non-finite entry, are dropped before they reach
 * the database (implemented by {@code org.gmmvi.core.optimizer.TargetEvaluator}).
 */
public interface SampleEvaluator {

  /**
   * Evaluates {@code n} samples ({@code x}: {@code n × D}) and compacts the arrays in place so that
   * their first {@code m} rows are the valid samples in their original order.
   *
   * @param x        samples (compacted in place)
   * @param n        number of samples
   * @param logP     output, length ≥ n: target log-densities (compacted)
   * @param grad     output, length ≥ n·D: target gradients (compacted), or {@code null} for no
   *                 gradients
   * @param mapping  per-sample ints compacted alongside (e.g. the drawing component), or {@code null}
   * @param mayAllBeInvalid whether the caller can proceed without any valid sample (it has reused
   *                 samples or other candidates); if {@code false}, an implementation throws when
   *                 every sample is invalid
   * @return {@code m}, the number of valid samples
   */
  int evaluate(double[] x, int n, double[] logP, double[] grad, int[] mapping,
      boolean mayAllBeInvalid);

  /** Whether the NG estimator needs target gradients (Stein yes, MORE no: ALGORITHM.md §6 item 16). */
  boolean needsGradients();
}
