package org.gmmvi.problems.metrics;

import org.gmmvi.core.target.Target;

/**
 * ELBO estimates from evaluation samples (PROBLEMS.md §5.1, §4.2):
 * {@code ELBO = (1/M) Σ log p̃(x_i) − β (1/M) Σ log q(x_i)} with β = 1.
 */
public final class Elbo {

  private Elbo() {}

  /** {@code mean(logTarget) − mean(logQ)} over {@code m} samples. */
  public static double fromValues(double[] logTarget, double[] logQ, int m) {
    if (m < 1 || logTarget.length < m || logQ.length < m) {
      throw new IllegalArgumentException("need m >= 1 target and model log-densities, got m=" + m);
    }
    double s = 0.0;
    for (int i = 0; i < m; i++) {
      s += logTarget[i] - logQ[i];
    }
    return s / m;
  }

  /**
   * The ELBO with a (full-batch) target evaluated at the {@code m} samples ({@code m × D}); used
   * for "elbo_fb" of the mini-batch problems.
   */
  public static double evaluate(Target target, double[] samples, double[] logQ, int m) {
    double[] lp = new double[m];
    target.evaluate(samples, m, lp, null);
    return fromValues(lp, logQ, m);
  }
}
