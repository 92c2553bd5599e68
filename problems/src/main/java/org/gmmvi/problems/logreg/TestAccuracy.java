package org.gmmvi.problems.logreg;

/**
 * Bayesian test accuracy of the logistic-regression test-split variants (PROBLEMS.md §4.3, the
 * recommended definition; the reference does not implement it): the posterior-predictive
 * probability of label 1 for test row {@code x_n} is {@code (1/M) Σ_i σ(−x_nᵀ w_i)} over the
 * {@code M} evaluation samples; the prediction is label 1 when it is at least 0.5; the accuracy is
 * the fraction of correctly predicted test rows.
 */
public final class TestAccuracy {

  private TestAccuracy() {}

  /**
   * @param test    held-out rows
   * @param samples {@code M × D} weight samples
   * @param m       M
   */
  public static double compute(LogisticRegressionData test, double[] samples, int m) {
    int d = test.dim();
    if (m < 1 || samples.length < m * d) {
      throw new IllegalArgumentException("need M >= 1 samples of dimension " + d + ", got M=" + m);
    }
    int correct = 0;
    for (int r = 0; r < test.numRows(); r++) {
      double p = 0.0;
      for (int i = 0; i < m; i++) {
        double s = 0.0;
        for (int j = 0; j < d; j++) {
          s += test.x()[r * d + j] * samples[i * d + j];
        }
        p += 1.0 / (1.0 + Math.exp(s));
      }
      p /= m;
      double predicted = p >= 0.5 ? 1.0 : 0.0;
      if (predicted == test.y()[r]) {
        correct++;
      }
    }
    return (double) correct / test.numRows();
  }
}
