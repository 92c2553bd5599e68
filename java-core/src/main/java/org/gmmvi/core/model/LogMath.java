package org.gmmvi.core.model;

/** Stable log-space helpers (ALGORITHM.md §4: max-shifted log-sum-exp, all −∞ gives −∞). */
public final class LogMath {

  /** {@code ½ log(2π)}. */
  public static final double HALF_LOG_2PI = 0.5 * Math.log(2.0 * Math.PI);

  private LogMath() {}

  /** {@code log Σ_i exp(v[off+i])} over {@code len} entries; {@code −∞} if all are {@code −∞}. */
  public static double logSumExp(double[] v, int off, int len) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = off; i < off + len; i++) {
      if (v[i] > max) {
        max = v[i];
      }
    }
    if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
      return max;
    }
    if (max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double s = 0.0;
    for (int i = off; i < off + len; i++) {
      s += Math.exp(v[i] - max);
    }
    return max + Math.log(s);
  }

  /** {@link #logSumExp(double[], int, int)} over the whole array. */
  public static double logSumExp(double[] v) {
    return logSumExp(v, 0, v.length);
  }

  /** In place: {@code v ← v − logsumexp(v)} over {@code len} entries. */
  public static void normalizeLog(double[] v, int off, int len) {
    double z = logSumExp(v, off, len);
    for (int i = off; i < off + len; i++) {
      v[i] -= z;
    }
  }

  /**
   * Softmax of {@code len} log-values into {@code out} (may alias {@code v}): {@code out_i =
   * exp(v_i − logsumexp(v))}.
   */
  public static void softmax(double[] v, int off, int len, double[] out, int outOff) {
    double z = logSumExp(v, off, len);
    for (int i = 0; i < len; i++) {
      out[outOff + i] = Math.exp(v[off + i] - z);
    }
  }
}
