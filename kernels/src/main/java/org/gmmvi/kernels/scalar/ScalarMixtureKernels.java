package org.gmmvi.kernels.scalar;

import org.gmmvi.kernels.AbstractMixtureKernels;

/**
 * Plain-Java mixture kernels: the reference for the other backends. One sample at a time, forward
 * substitution per sample and component (ALGORITHM.md §1.3). Input is validated by
 * {@link AbstractMixtureKernels}; these kernels trust it.
 */
public class ScalarMixtureKernels extends AbstractMixtureKernels {

  /** {@code ½ log(2π)}. */
  public static final double HALF_LOG_2PI = 0.5 * Math.log(2.0 * Math.PI);

  @Override
  protected void componentLogDensitiesK(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    double[] z = new double[d];
    for (int c = 0; c < k; c++) {
      double norm = logNormaliser(chols, c, d);
      for (int s = row0; s < row0 + n; s++) {
        out[s * k + c] = norm - 0.5 * whitenedSquaredNorm(x, s, d, means, chols, c, z);
      }
    }
  }

  /** {@code −Σ_i log L_ii − ½ D log(2π)} for component {@code c} of a {@code K × D × D} stack. */
  public static double logNormaliser(double[] chols, int c, int d) {
    int lOff = c * d * d;
    double norm = -d * HALF_LOG_2PI;
    for (int i = 0; i < d; i++) {
      norm -= Math.log(chols[lOff + i * d + i]);
    }
    return norm;
  }

  /**
   * {@code ‖L_c⁻¹(x_s − μ_c)‖²} by forward substitution; {@code z} (length {@code d}) is workspace
   * and holds {@code L_c⁻¹(x_s − μ_c)} afterwards.
   */
  public static double whitenedSquaredNorm(double[] x, int s, int d, double[] means,
      double[] chols, int c, double[] z) {
    int lOff = c * d * d;
    double q = 0.0;
    for (int i = 0; i < d; i++) {
      double t = x[s * d + i] - means[c * d + i];
      int ri = lOff + i * d;
      for (int j = 0; j < i; j++) {
        t -= chols[ri + j] * z[j];
      }
      t /= chols[ri + i];
      z[i] = t;
      q += t * t;
    }
    return q;
  }

  @Override
  protected void componentLogDensitiesDiagK(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] out) {
    for (int c = 0; c < k; c++) {
      double norm = -d * HALF_LOG_2PI;
      for (int i = 0; i < d; i++) {
        norm -= Math.log(stds[c * d + i]);
      }
      for (int s = row0; s < row0 + n; s++) {
        double q = 0.0;
        for (int i = 0; i < d; i++) {
          double t = (x[s * d + i] - means[c * d + i]) / stds[c * d + i];
          q += t * t;
        }
        out[s * k + c] = norm - 0.5 * q;
      }
    }
  }

  @Override
  protected void mixtureLogDensityK(double[] comp, int row0, double[] logw, int n, int k,
      double[] out) {
    for (int s = row0; s < row0 + n; s++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, logw[c] + comp[s * k + c]);
      }
      if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
        out[s] = max;
        continue;
      }
      double sum = 0.0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(logw[c] + comp[s * k + c] - max);
      }
      out[s] = max + Math.log(sum);
    }
  }

  @Override
  protected void logResponsibilitiesK(double[] comp, int row0, double[] logw, double[] mix, int n,
      int k, double[] out) {
    for (int s = row0; s < row0 + n; s++) {
      for (int c = 0; c < k; c++) {
        out[s * k + c] = logw[c] + comp[s * k + c] - mix[s];
      }
    }
  }

  @Override
  protected void mixtureScoreK(double[] x, int row0, int n, int d, double[] means, double[] chols,
      int k, double[] logResp, double[] out) {
    double[] z = new double[d];
    java.util.Arrays.fill(out, row0 * d, (row0 + n) * d, 0.0);
    for (int c = 0; c < k; c++) {
      int lOff = c * d * d;
      for (int s = row0; s < row0 + n; s++) {
        double r = Math.exp(logResp[s * k + c]);
        if (r == 0.0) {
          continue;
        }
        for (int i = 0; i < d; i++) {
          z[i] = x[s * d + i] - means[c * d + i];
        }
        // z ← Λ (x − μ) = L⁻ᵀ L⁻¹ (x − μ).
        for (int i = 0; i < d; i++) {
          double t = z[i];
          int ri = lOff + i * d;
          for (int j = 0; j < i; j++) {
            t -= chols[ri + j] * z[j];
          }
          z[i] = t / chols[ri + i];
        }
        for (int i = d - 1; i >= 0; i--) {
          double t = z[i];
          for (int j = i + 1; j < d; j++) {
            t -= chols[lOff + j * d + i] * z[j];
          }
          z[i] = t / chols[lOff + i * d + i];
        }
        for (int i = 0; i < d; i++) {
          out[s * d + i] -= r * z[i];
        }
      }
    }
  }

  @Override
  protected void mixtureScoreDiagK(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] logResp, double[] out) {
    java.util.Arrays.fill(out, row0 * d, (row0 + n) * d, 0.0);
    for (int c = 0; c < k; c++) {
      for (int s = row0; s < row0 + n; s++) {
        double r = Math.exp(logResp[s * k + c]);
        if (r == 0.0) {
          continue;
        }
        for (int i = 0; i < d; i++) {
          double sd = stds[c * d + i];
          out[s * d + i] -= r * (x[s * d + i] - means[c * d + i]) / (sd * sd);
        }
      }
    }
  }
}
