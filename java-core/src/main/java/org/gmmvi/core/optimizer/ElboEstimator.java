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

  /** Samples per chunk of {@link #precise}: bounds its memory for large {@code m}. */
  public static final int CHUNK = 50_000;

  /**
   * A precise estimate from {@code m} samples with its standard error (the reference's 2000 samples
   * have a noise of about ±0.026 on breast_cancer, as large as the differences the paper reports):
   * <pre>
   *   r_i = log p̃(x_i) − log q(x_i),  x_i ~ q;   −ELBO = −(1/m) Σ r_i;   SE = std(r)/√m (ddof 0)
   * </pre>
   * Samples are drawn and evaluated in chunks of {@link #CHUNK} (temperature 1).
   *
   * @throws IllegalStateException if the target returns a non-finite value at a sample of q
   */
  public static PreciseElbo precise(GmmModel q, Target t, int m, Rng rng) {
    if (m < 2) {
      throw new IllegalArgumentException("need at least two samples, got m = " + m);
    }
    double sumR = 0;
    double sumR2 = 0;
    double sumLogQ = 0;
    double sumLogP = 0;
    for (int done = 0; done < m; done += CHUNK) {
      int c = Math.min(CHUNK, m - done);
      ElboEstimate e = estimate(q, t, c, rng);
      for (int i = 0; i < c; i++) {
        double r = e.logP()[i] - e.logQ()[i];
        if (!Double.isFinite(r)) {
          throw new IllegalStateException("the target returned " + e.logP()[i]
              + " at a sample of the model");
        }
        sumR += r;
        sumR2 += r * r;
        sumLogQ += e.logQ()[i];
        sumLogP += e.logP()[i];
      }
    }
    double mean = sumR / m;
    double var = Math.max(0, sumR2 / m - mean * mean);
    return new PreciseElbo(-mean, Math.sqrt(var / m), -sumLogQ / m, sumLogP / m, m);
  }

  /** Result of {@link #precise}: −ELBO, its standard error, entropy, mean log target, samples. */
  public record PreciseElbo(double negElbo, double standardError, double entropy,
      double meanLogTarget, int samples) {}
}
