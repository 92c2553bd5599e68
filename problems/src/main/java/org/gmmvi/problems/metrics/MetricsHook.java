package org.gmmvi.problems.metrics;

import java.util.Map;

/**
 * A problem's secondary ("expensive") metrics, computed from the evaluation samples of one logging
 * step (PROBLEMS.md §3.3, §5): typically {@code "mmd"}, {@code "detected_modes"},
 * {@code "elbo_fb"}, {@code "test_accuracy"}.
 */
@FunctionalInterface
public interface MetricsHook {

  /** A hook that reports nothing. */
  MetricsHook NONE = (samples, m, logQ, modelMeans, k) -> Map.of();

  /**
   * @param samples    {@code M × D} evaluation samples from the model (M = 2000 in the paper)
   * @param m          M
   * @param logQ       {@code M} model log-densities of the samples
   * @param modelMeans {@code K × D} current model means
   * @param k          K
   * @return named metrics, in a stable order
   */
  Map<String, Double> evaluate(double[] samples, int m, double[] logQ, double[] modelMeans, int k);
}
