package org.gmmvi.kernels.blas;

import static org.gmmvi.kernels.blas.OpenBlas.LOWER;
import static org.gmmvi.kernels.blas.OpenBlas.NO_TRANS;
import static org.gmmvi.kernels.blas.OpenBlas.RIGHT;
import static org.gmmvi.kernels.blas.OpenBlas.TRANS;

import java.util.Arrays;
import org.gmmvi.kernels.Workspace;
import org.gmmvi.kernels.scalar.ScalarMixtureKernels;

/**
 * Mixture kernels on OpenBLAS: per component, the centred batch {@code X − μ_k} (an {@code N × D}
 * per-thread workspace) is whitened by one {@code dtrsm} from the right ({@code Z = (X − μ)L⁻ᵀ},
 * i.e. every row becomes {@code L⁻¹(x − μ)}); the score applies a second {@code dtrsm}
 * ({@code Y = Z L⁻¹}, rows {@code Λ(x − μ)}). Flops as the scalar reference: {@code N·K·D²} for
 * the log-densities, {@code 2·N·K·D²} for the score.
 */
public class OpenBlasMixtureKernels extends ScalarMixtureKernels {

  private final Workspace workspace = new Workspace();

  @Override
  protected void componentLogDensitiesK(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    if (d == 0) {
      super.componentLogDensitiesK(x, row0, n, d, means, chols, k, out);
      return;
    }
    double[] z = workspace.array(0, n * d);
    for (int c = 0; c < k; c++) {
      centre(x, row0, n, d, means, c, z);
      OpenBlas.dtrsm(RIGHT, LOWER, TRANS, n, d, 1.0, chols, c * d * d, d, z, 0, d);
      double norm = logNormaliser(chols, c, d);
      for (int s = 0; s < n; s++) {
        double q = 0.0;
        for (int i = 0; i < d; i++) {
          double t = z[s * d + i];
          q += t * t;
        }
        out[(row0 + s) * k + c] = norm - 0.5 * q;
      }
    }
  }

  /** {@code z[s*d + i] = x[(row0 + s)*d + i] − μ_c[i]} for {@code s < n}. */
  private static void centre(double[] x, int row0, int n, int d, double[] means, int c,
      double[] z) {
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        z[s * d + i] = x[(row0 + s) * d + i] - means[c * d + i];
      }
    }
  }

  @Override
  protected void mixtureScoreK(double[] x, int row0, int n, int d, double[] means, double[] chols,
      int k, double[] logResp, double[] out) {
    double[] y = workspace.array(0, n * d);
    Arrays.fill(out, row0 * d, (row0 + n) * d, 0.0);
    for (int c = 0; c < k; c++) {
      centre(x, row0, n, d, means, c, y);
      OpenBlas.dtrsm(RIGHT, LOWER, TRANS, n, d, 1.0, chols, c * d * d, d, y, 0, d);
      OpenBlas.dtrsm(RIGHT, LOWER, NO_TRANS, n, d, 1.0, chols, c * d * d, d, y, 0, d);
      for (int s = 0; s < n; s++) {
        double r = Math.exp(logResp[(row0 + s) * k + c]);
        if (r == 0.0) {
          continue;
        }
        for (int i = 0; i < d; i++) {
          out[(row0 + s) * d + i] -= r * y[s * d + i];
        }
      }
    }
  }
}
