package org.gmmvi.problems.logreg;

import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;

/**
 * Mini-batch Bayesian logistic regression (PROBLEMS.md §4.2). One call with {@code S} samples:
 * <ol>
 *   <li>draw one uniformly random permutation {@code π} of the {@code N} training rows (from this
 *       target's own {@link Rng});</li>
 *   <li>sample {@code i} uses the block of {@code B} consecutive permuted rows starting at offset
 *       {@code o_i} ({@code o_1 = 0}, {@code o_{i+1} = o_i + B}; an offset with {@code o_i + B > N}
 *       wraps to 0 first);</li>
 *   <li>{@code log p̃_mb(w_i) = (N/B) Σ_{n∈block_i} ℓ_n(w_i) + log N(w_i; 0, 10² I)}, and the gradient
 *       of the same expression on the same block.</li>
 * </ol>
 * Unbiased for the full-data log-density of {@link LogisticRegressionTarget} on the same rows.
 * Stateful (the generator advances on every call): not thread-safe.
 */
public final class MiniBatchLogisticRegressionTarget implements RandomizedTarget {

  private final String name;
  private final LogisticRegressionData data;
  private final int batchSize;
  private final Rng rng;

  /**
   * @param name      name for logs
   * @param data      training rows
   * @param batchSize B, between 1 and N
   * @param rng       the random source for the permutations (owned by this target)
   */
  public MiniBatchLogisticRegressionTarget(String name, LogisticRegressionData data, int batchSize,
      Rng rng) {
    if (batchSize < 1 || batchSize > data.numRows()) {
      throw new IllegalArgumentException(name + ": batch size must be in [1, " + data.numRows()
          + "], got " + batchSize);
    }
    this.name = name;
    this.data = data;
    this.batchSize = batchSize;
    this.rng = java.util.Objects.requireNonNull(rng, "rng");
  }

  @Override
  public Rng random() {
    return rng;
  }

  @Override
  public int dimension() {
    return data.dim();
  }

  @Override
  public String name() {
    return name;
  }

  /** The batch size B. */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public void evaluate(double[] w, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, w, n, logDensity, gradient);
    int rows = data.numRows();
    int d = data.dim();
    double[] x = data.x();
    double[] y = data.y();
    int[] perm = rng.permutation(rows);
    double scale = (double) rows / batchSize;
    int offset = 0;
    for (int i = 0; i < n; i++) {
      if (offset + batchSize > rows) {
        offset = 0;
      }
      int wOff = i * d;
      if (gradient != null) {
        java.util.Arrays.fill(gradient, wOff, wOff + d, 0.0);
      }
      double ll = 0.0;
      for (int b = 0; b < batchSize; b++) {
        int r = perm[offset + b];
        int xr = r * d;
        double s = 0.0;
        for (int j = 0; j < d; j++) {
          s += x[xr + j] * w[wOff + j];
        }
        ll += LogisticRegressionMath.logLikelihood(s, y[r]);
        if (gradient != null) {
          double c = scale * LogisticRegressionMath.dLogLikelihood(s, y[r]);
          for (int j = 0; j < d; j++) {
            gradient[wOff + j] += c * x[xr + j];
          }
        }
      }
      logDensity[i] = scale * ll + LogisticRegressionMath.logPrior(w, wOff, d);
      if (gradient != null) {
        LogisticRegressionMath.addPriorGradient(w, wOff, d, gradient, wOff);
      }
      offset += batchSize;
    }
  }
}
