package org.gmmvi.kernels.blas;

import static org.gmmvi.kernels.blas.OpenBlas.NO_TRANS;
import static org.gmmvi.kernels.blas.OpenBlas.TRANS;

import org.gmmvi.kernels.Workspace;
import org.gmmvi.kernels.scalar.ScalarNgKernels;

/**
 * Weighted sums on OpenBLAS: the outer product and the Gram matrix are one {@code dgemm}
 * {@code (w ⊙ G)ᵀ H} over a per-thread scaled copy of {@code G} (the Gram matrix's lower triangle
 * is then mirrored, so the result is exactly symmetric); the vector sums are {@code dgemv}.
 */
public class OpenBlasNgKernels extends ScalarNgKernels {

  private final Workspace workspace = new Workspace();

  @Override
  protected void weightedSumK(double[] w, double[] g, int n, int d, double[] out) {
    OpenBlas.dgemv(TRANS, n, d, 1.0, g, d, w, 0.0, out);
  }

  @Override
  protected void weightedOuterK(double[] w, double[] g, double[] h, int n, int d, double[] out) {
    double[] a = scaledRows(w, g, n, d);
    OpenBlas.dgemm(TRANS, NO_TRANS, d, d, n, 1.0, a, 0, d, h, 0, d, 0.0, out, 0, d);
  }

  @Override
  protected void weightedGramK(double[] w, double[] phi, int n, int p, double[] out) {
    double[] a = scaledRows(w, phi, n, p);
    OpenBlas.dgemm(TRANS, NO_TRANS, p, p, n, 1.0, a, 0, p, phi, 0, p, 0.0, out, 0, p);
    OpenBlasDenseKernels.mirrorLower(out, 0, p);
  }

  @Override
  protected void weightedTransposeTimesK(double[] w, double[] phi, int n, int p, double[] f,
      double[] out) {
    double[] wf = workspace.array(1, n);
    for (int s = 0; s < n; s++) {
      wf[s] = w[s] * f[s];
    }
    OpenBlas.dgemv(TRANS, n, p, 1.0, phi, p, wf, 0.0, out);
  }

  /** Workspace copy {@code a[s*d + i] = w[s]·g[s*d + i]}. */
  private double[] scaledRows(double[] w, double[] g, int n, int d) {
    double[] a = workspace.array(0, n * d);
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        a[s * d + i] = w[s] * g[s * d + i];
      }
    }
    return a;
  }
}
