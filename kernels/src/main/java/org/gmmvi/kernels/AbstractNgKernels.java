package org.gmmvi.kernels;

import java.util.Arrays;

/**
 * Checked entry points of {@link NgKernels}: validates sizes and array lengths once; for
 * {@code N = 0} writes the empty sum (zeros); otherwise calls the protected unchecked kernel, which
 * may assume {@code n >= 1} and {@code d >= 1} (or {@code p >= 1}).
 */
public abstract class AbstractNgKernels implements NgKernels {

  private static void checkRows(double[] w, int n, int d, String dName) {
    Checks.size("n (samples)", n);
    Checks.size(dName, d);
    Checks.array("w", w, n);
  }

  @Override
  public final void weightedSum(double[] w, double[] g, int n, int d, double[] out) {
    checkRows(w, n, d, "d");
    Checks.array("g", g, (long) n * d);
    Checks.array("out", out, d);
    if (n == 0) {
      Arrays.fill(out, 0, d, 0.0);
    } else if (d > 0) {
      weightedSumK(w, g, n, d, out);
    }
  }

  @Override
  public final void weightedOuter(double[] w, double[] g, double[] h, int n, int d, double[] out) {
    checkRows(w, n, d, "d");
    Checks.array("g", g, (long) n * d);
    Checks.array("h", h, (long) n * d);
    Checks.array("out", out, (long) d * d);
    if (n == 0) {
      Arrays.fill(out, 0, d * d, 0.0);
    } else if (d > 0) {
      weightedOuterK(w, g, h, n, d, out);
    }
  }

  @Override
  public final void weightedElementwise(double[] w, double[] g, double[] h, int n, int d,
      double[] out) {
    checkRows(w, n, d, "d");
    Checks.array("g", g, (long) n * d);
    Checks.array("h", h, (long) n * d);
    Checks.array("out", out, d);
    if (n == 0) {
      Arrays.fill(out, 0, d, 0.0);
    } else if (d > 0) {
      weightedElementwiseK(w, g, h, n, d, out);
    }
  }

  @Override
  public final void weightedGram(double[] w, double[] phi, int n, int p, double[] out) {
    checkRows(w, n, p, "p");
    Checks.array("phi", phi, (long) n * p);
    Checks.array("out", out, (long) p * p);
    if (n == 0) {
      Arrays.fill(out, 0, p * p, 0.0);
    } else if (p > 0) {
      weightedGramK(w, phi, n, p, out);
    }
  }

  @Override
  public final void weightedTransposeTimes(double[] w, double[] phi, int n, int p, double[] f,
      double[] out) {
    checkRows(w, n, p, "p");
    Checks.array("phi", phi, (long) n * p);
    Checks.array("f", f, n);
    Checks.array("out", out, p);
    if (n == 0) {
      Arrays.fill(out, 0, p, 0.0);
    } else if (p > 0) {
      weightedTransposeTimesK(w, phi, n, p, f, out);
    }
  }

  /** Unchecked {@link #weightedSum}. */
  protected abstract void weightedSumK(double[] w, double[] g, int n, int d, double[] out);

  /** Unchecked {@link #weightedOuter}. */
  protected abstract void weightedOuterK(double[] w, double[] g, double[] h, int n, int d,
      double[] out);

  /** Unchecked {@link #weightedElementwise}. */
  protected abstract void weightedElementwiseK(double[] w, double[] g, double[] h, int n, int d,
      double[] out);

  /** Unchecked {@link #weightedGram}. */
  protected abstract void weightedGramK(double[] w, double[] phi, int n, int p, double[] out);

  /** Unchecked {@link #weightedTransposeTimes}. */
  protected abstract void weightedTransposeTimesK(double[] w, double[] phi, int n, int p,
      double[] f, double[] out);
}
