package org.gmmvi.core.optimizer;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;

/**
 * The reference runner's ELBO metric (ALGORITHM.md §1.6 "Logging", PROBLEMS.md §5.1): draw {@code m}
 * samples from the model (2000 in the reference),
 * <pre>
 *   H_est = −(1/m) Σ_i log q(x_i),   ELBO = (1/m) Σ_i log p̃(x_i) + τ·H_est
 * </pre>
 * Non-finite target values are not filtered: they propagate into the estimate, which is the honest
 * value of the metric. Targets are evaluated without gradients, in one call.
 */
public final class ElboEstimator {

  /** The reference's number of samples. */
  public static final int DEFAULT_SAMPLES = 2000;

  private ElboEstimator() {}

  /** The estimate with temperature 1. */
  public static ElboEstimate estimate(GmmModel q, Target t, int m, Rng rng) {
    return estimate(q, t, m, rng, 1.0);
  }

  /** The estimate with temperature {@code τ} (the weight of the entropy). */
  public static ElboEstimate estimate(GmmModel q, Target t, int m, Rng rng, double temperature) {
    if (m < 1) {
      throw new IllegalArgumentException("need at least one sample, got m = " + m);
    }
    if (t.dimension() != q.dimension()) {
      throw new IllegalArgumentException("target dimension " + t.dimension()
          + " differs from the model's " + q.dimension());
    }
    double[] x = q.sample(m, rng);
    double[] logQ = q.logDensity(x, m);
    double[] logP = new double[m];
    t.evaluate(x, m, logP, null);
    double sq = 0;
    double sp = 0;
    for (int i = 0; i < m; i++) {
      sq += logQ[i];
      sp += logP[i];
    }
    double entropy = -sq / m;
    double meanLogTarget = sp / m;
    return new ElboEstimate(-(meanLogTarget + temperature * entropy), entropy, meanLogTarget, x,
        logQ, logP);
  }
}
