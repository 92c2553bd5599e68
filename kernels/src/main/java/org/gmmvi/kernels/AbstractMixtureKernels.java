package org.gmmvi.kernels;

import java.util.Arrays;

/**
 * Checked entry points of {@link MixtureKernels}: validates sizes, the row range and array lengths
 * once, handles empty input ({@code N = 0}, {@code K = 0}), then calls the protected unchecked
 * kernel. Backends implement only the {@code ...K} kernels, which compute rows
 * {@code [row0, row0 + n)} and may assume {@code n >= 1}, {@code k >= 1}, {@code d >= 0},
 * {@code row0 >= 0} and arrays at least as long as documented.
 */
public abstract class AbstractMixtureKernels implements MixtureKernels {

  /** Checks a row range and that {@code a} holds rows {@code [row0, row0 + n)} of width {@code cols}. */
  private static void rows(String name, double[] a, int row0, int n, long cols) {
    Checks.array(name, a, 0, (row0 + (long) n) * cols);
  }

  private static void checkRange(int row0, int n) {
    Checks.size("row0 (first row)", row0);
    Checks.size("n (samples)", n);
  }

  private static void checkComponents(double[] x, int row0, int n, int d, double[] means,
      double[] factors, String factorsName, long factorSize, int k) {
    checkRange(row0, n);
    Checks.size("d (dimension)", d);
    Checks.size("k (components)", k);
    rows("x", x, row0, n, d);
    Checks.array("means", means, (long) k * d);
    Checks.array(factorsName, factors, k * factorSize);
  }

  @Override
  public final void componentLogDensities(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    checkComponents(x, row0, n, d, means, chols, "chols", (long) d * d, k);
    rows("out", out, row0, n, k);
    if (n > 0 && k > 0) {
      componentLogDensitiesK(x, row0, n, d, means, chols, k, out);
    }
  }

  @Override
  public final void componentLogDensitiesDiag(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] out) {
    checkComponents(x, row0, n, d, means, stds, "stds", d, k);
    rows("out", out, row0, n, k);
    if (n > 0 && k > 0) {
      componentLogDensitiesDiagK(x, row0, n, d, means, stds, k, out);
    }
  }

  @Override
  public final void mixtureLogDensity(double[] comp, int row0, double[] logw, int n, int k,
      double[] out) {
    checkRange(row0, n);
    Checks.size("k (components)", k);
    rows("comp", comp, row0, n, k);
    Checks.array("logw", logw, k);
    rows("out", out, row0, n, 1);
    if (k == 0) {
      Arrays.fill(out, row0, row0 + n, Double.NEGATIVE_INFINITY);
    } else if (n > 0) {
      mixtureLogDensityK(comp, row0, logw, n, k, out);
    }
  }

  @Override
  public final void logResponsibilities(double[] comp, int row0, double[] logw, double[] mix,
      int n, int k, double[] out) {
    checkRange(row0, n);
    Checks.size("k (components)", k);
    rows("comp", comp, row0, n, k);
    Checks.array("logw", logw, k);
    rows("mix", mix, row0, n, 1);
    rows("out", out, row0, n, k);
    if (n > 0 && k > 0) {
      logResponsibilitiesK(comp, row0, logw, mix, n, k, out);
    }
  }

  @Override
  public final void mixtureScore(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] logResp, double[] out) {
    checkComponents(x, row0, n, d, means, chols, "chols", (long) d * d, k);
    checkScoreOut(x, row0, n, d, k, logResp, out);
    if (k == 0) {
      Arrays.fill(out, row0 * d, (row0 + n) * d, 0.0);
    } else if (n > 0 && d > 0) {
      mixtureScoreK(x, row0, n, d, means, chols, k, logResp, out);
    }
  }

  @Override
  public final void mixtureScoreDiag(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] logResp, double[] out) {
    checkComponents(x, row0, n, d, means, stds, "stds", d, k);
    checkScoreOut(x, row0, n, d, k, logResp, out);
    if (k == 0) {
      Arrays.fill(out, row0 * d, (row0 + n) * d, 0.0);
    } else if (n > 0 && d > 0) {
      mixtureScoreDiagK(x, row0, n, d, means, stds, k, logResp, out);
    }
  }

  private static void checkScoreOut(double[] x, int row0, int n, int d, int k, double[] logResp,
      double[] out) {
    rows("logResp", logResp, row0, n, k);
    rows("out", out, row0, n, d);
    Checks.distinct("out", out, "x", x);
  }

  /** Unchecked {@link #componentLogDensities}; {@code n, k >= 1}. */
  protected abstract void componentLogDensitiesK(double[] x, int row0, int n, int d,
      double[] means, double[] chols, int k, double[] out);

  /** Unchecked {@link #componentLogDensitiesDiag}; {@code n, k >= 1}. */
  protected abstract void componentLogDensitiesDiagK(double[] x, int row0, int n, int d,
      double[] means, double[] stds, int k, double[] out);

  /** Unchecked {@link #mixtureLogDensity}; {@code n, k >= 1}. */
  protected abstract void mixtureLogDensityK(double[] comp, int row0, double[] logw, int n, int k,
      double[] out);

  /** Unchecked {@link #logResponsibilities}; {@code n, k >= 1}. */
  protected abstract void logResponsibilitiesK(double[] comp, int row0, double[] logw,
      double[] mix, int n, int k, double[] out);

  /** Unchecked {@link #mixtureScore}; {@code n, k, d >= 1}. */
  protected abstract void mixtureScoreK(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] logResp, double[] out);

  /** Unchecked {@link #mixtureScoreDiag}; {@code n, k, d >= 1}. */
  protected abstract void mixtureScoreDiagK(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] logResp, double[] out);
}
