package org.gmmvi.problems.logreg;

/**
 * Scalar pieces of the Bayesian logistic-regression target (PROBLEMS.md §4.1). The model is
 * {@code P(y = 1 | x, w) = σ(−xᵀw)} (the reference negates the logits).
 */
final class LogisticRegressionMath {

  /** Prior standard deviation of every weight. */
  static final double PRIOR_STD = 10.0;

  private LogisticRegressionMath() {}

  /** {@code log σ(t) = −softplus(−t)}, stable for all {@code t}. */
  static double logSigmoid(double t) {
    return t >= 0 ? -log1p01(Math.exp(-t)) : t - log1p01(Math.exp(t));
  }

  /**
   * {@code log(1 + e)} for {@code e ∈ [0, 1]} through the intrinsic {@link Math#log}: with
   * {@code u = fl(1 + e)}, {@code log(u)·e/(u − 1)} corrects the rounding of {@code 1 + e} (Goldberg
   * 1991, Theorem 4: a few ulps). {@link Math#log1p} is a pure-Java fdlibm port in this JDK and took
   * ~36% of a SAMTRON iteration on breast_cancer (docs/PERFORMANCE.md).
   */
  static double log1p01(double e) {
    double u = 1.0 + e;
    return u == 1.0 ? e : Math.log(u) * e / (u - 1.0);
  }

  /** {@code σ(t)}, stable for all {@code t}. */
  static double sigmoid(double t) {
    if (t >= 0) {
      return 1.0 / (1.0 + Math.exp(-t));
    }
    double e = Math.exp(t);
    return e / (1.0 + e);
  }

  /** {@code ℓ(s) = log σ(−s)} if {@code y = 1}, {@code log σ(s)} if {@code y = 0}. */
  static double logLikelihood(double s, double y) {
    return y == 1.0 ? logSigmoid(-s) : logSigmoid(s);
  }

  /** {@code dℓ/ds = 1 − y − σ(s)}. */
  static double dLogLikelihood(double s, double y) {
    return 1.0 - y - sigmoid(s);
  }

  /** Normalized prior {@code log N(w; 0, 10² I) = −D log 10 − (D/2) log 2π − ‖w‖²/200}. */
  static double logPrior(double[] w, int off, int d) {
    double ss = 0.0;
    for (int j = 0; j < d; j++) {
      ss += w[off + j] * w[off + j];
    }
    return -d * Math.log(PRIOR_STD) - 0.5 * d * Math.log(2.0 * Math.PI)
        - ss / (2.0 * PRIOR_STD * PRIOR_STD);
  }

  /** {@code ∇ log prior = −w/100}, added into {@code g}. */
  static void addPriorGradient(double[] w, int off, int d, double[] g, int gOff) {
    for (int j = 0; j < d; j++) {
      g[gOff + j] -= w[off + j] / (PRIOR_STD * PRIOR_STD);
    }
  }
}
