package org.gmmvi.kernels;

import java.util.Arrays;

/**
 * Checked entry points of {@link MixtureKernels}: validates sizes and array lengths once, handles
 * empty input ({@code N = 0}, {@code K = 0}), then calls the protected unchecked kernel. Backends
 * implement only the {@code ...K} kernels, which may assume {@code n >= 1}, {@code k >= 1},
 * {@code d >= 0} and arrays at least as long as documented.
 */
public abstract class AbstractMixtureKernels implements MixtureKernels {

  private static void checkComponents(double[] x, int n, int d, double[] means, double[] factors,
      String factorsName, long factorSize, int k) {
    Checks.size("n (samples)", n);
    Checks.size("d (dimension)", d);
    Checks.size("k (components)", k);
    Checks.array("x", x, (long) n * d);
    Checks.array("means", means, (long) k * d);
    Checks.array(factorsName, factors, k * factorSize);
  }

  @Override
  public final void componentLogDensities(double[] x, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    checkComponents(x, n, d, means, chols, "chols", (long) d * d, k);
    Checks.array("out", out, (long) n * k);
    if (n > 0 && k > 0) {
      componentLogDensitiesK(x, n, d, means, chols, k, out);
    }
  }

  @Override
  public final void componentLogDensitiesDiag(double[] x, int n, int d, double[] means,
      double[] stds, int k, double[] out) {
    checkComponents(x, n, d, means, stds, "stds", d, k);
    Checks.array("out", out, (long) n * k);
    if (n > 0 && k > 0) {
      componentLogDensitiesDiagK(x, n, d, means, stds, k, out);
    }
  }

  @Override
  public final void mixtureLogDensity(double[] comp, double[] logw, int n, int k, double[] out) {
    Checks.size("n (samples)", n);
    Checks.size("k (components)", k);
    Checks.array("comp", comp, (long) n * k);
    Checks.array("logw", logw, k);
    Checks.array("out", out, n);
    if (k == 0) {
      Arrays.fill(out, 0, n, Double.NEGATIVE_INFINITY);
    } else if (n > 0) {
      mixtureLogDensityK(comp, logw, n, k, out);
    }
  }

  @Override
  public final void logResponsibilities(double[] comp, double[] logw, double[] mix, int n, int k,
      double[] out) {
    Checks.size("n (samples)", n);
    Checks.size("k (components)", k);
    Checks.array("comp", comp, (long) n * k);
    Checks.array("logw", logw, k);
    Checks.array("mix", mix, n);
    Checks.array("out", out, (long) n * k);
    if (n > 0 && k > 0) {
      logResponsibilitiesK(comp, logw, mix, n, k, out);
    }
  }

  @Override
  public final void mixtureScore(double[] x, int n, int d, double[] means, double[] chols, int k,
      double[] logResp, double[] out) {
    checkComponents(x, n, d, means, chols, "chols", (long) d * d, k);
    checkScoreOut(x, n, d, k, logResp, out);
    if (k == 0) {
      Arrays.fill(out, 0, n * d, 0.0);
    } else if (n > 0 && d > 0) {
      mixtureScoreK(x, n, d, means, chols, k, logResp, out);
    }
  }

  @Override
  public final void mixtureScoreDiag(double[] x, int n, int d, double[] means, double[] stds,
      int k, double[] logResp, double[] out) {
    checkComponents(x, n, d, means, stds, "stds", d, k);
    checkScoreOut(x, n, d, k, logResp, out);
    if (k == 0) {
      Arrays.fill(out, 0, n * d, 0.0);
    } else if (n > 0 && d > 0) {
      mixtureScoreDiagK(x, n, d, means, stds, k, logResp, out);
    }
  }

  private static void checkScoreOut(double[] x, int n, int d, int k, double[] logResp,
      double[] out) {
    Checks.array("logResp", logResp, (long) n * k);
    Checks.array("out", out, (long) n * d);
    Checks.distinct("out", out, "x", x);
  }

  /** Unchecked {@link #componentLogDensities}; {@code n, k >= 1}. */
  protected abstract void componentLogDensitiesK(double[] x, int n, int d, double[] means,
      double[] chols, int k, double[] out);

  /** Unchecked {@link #componentLogDensitiesDiag}; {@code n, k >= 1}. */
  protected abstract void componentLogDensitiesDiagK(double[] x, int n, int d, double[] means,
      double[] stds, int k, double[] out);

  /** Unchecked {@link #mixtureLogDensity}; {@code n, k >= 1}. */
  protected abstract void mixtureLogDensityK(double[] comp, double[] logw, int n, int k,
      double[] out);

  /** Unchecked {@link #logResponsibilities}; {@code n, k >= 1}. */
  protected abstract void logResponsibilitiesK(double[] comp, double[] logw, double[] mix, int n,
      int k, double[] out);

  /** Unchecked {@link #mixtureScore}; {@code n, k, d >= 1}. */
  protected abstract void mixtureScoreK(double[] x, int n, int d, double[] means, double[] chols,
      int k, double[] logResp, double[] out);

  /** Unchecked {@link #mixtureScoreDiag}; {@code n, k, d >= 1}. */
  protected abstract void mixtureScoreDiagK(double[] x, int n, int d, double[] means,
      double[] stds, int k, double[] logResp, double[] out);
}
