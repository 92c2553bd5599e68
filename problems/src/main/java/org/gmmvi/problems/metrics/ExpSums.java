package org.gmmvi.problems.metrics;

import java.util.logging.Logger;

/**
 * {@code Σ_j exp(−v_j)} over an array prefix, the hot loop of {@link Mmd}. Uses the Vector API
 * ({@link VectorExpSum}, SIMD {@code exp}) when the incubator module {@code jdk.incubator.vector}
 * is present at run time (the project's launchers and surefire add it), otherwise a scalar loop.
 * The choice is made once and can be forced with {@code -Dgmmvi.mmd.vector=false}.
 */
final class ExpSums {

  private static final Logger LOG = Logger.getLogger(ExpSums.class.getName());

  private ExpSums() {}

  /** Whether the vectorised implementation is in use. */
  static final boolean VECTOR = chooseVector();

  private static boolean chooseVector() {
    if (!Boolean.parseBoolean(System.getProperty("gmmvi.mmd.vector", "true"))) {
      return false;
    }
    try {
      double[] probe = {0.0, 0.5, 1.0, 2.0, 3.0, 30.0, 0.25, 7.0, 1e-3};
      double v = VectorExpSum.sumExpNeg(probe, probe.length);
      double s = scalarSumExpNeg(probe, probe.length);
      return Math.abs(v - s) <= 1e-14 * s;
    } catch (Throwable t) {
      LOG.fine(() -> "MMD uses the scalar exp loop: " + t);
      return false;
    }
  }

  /** {@code Σ_{j<len} exp(−v[j])}. */
  static double sumExpNeg(double[] v, int len) {
    return VECTOR ? VectorExpSum.sumExpNeg(v, len) : scalarSumExpNeg(v, len);
  }

  static double scalarSumExpNeg(double[] v, int len) {
    double s = 0.0;
    for (int j = 0; j < len; j++) {
      s += Math.exp(-v[j]);
    }
    return s;
  }
}
