package org.gmmvi.kernels.scalar;

import org.gmmvi.kernels.AbstractDenseKernels;

/**
 * Plain-Java dense kernels: the reference that defines correctness for the other backends.
 * Loops are written for clarity first; the inner loops run over contiguous rows. Input is validated
 * by {@link AbstractDenseKernels}; these kernels trust it.
 */
public class ScalarDenseKernels extends AbstractDenseKernels {

  @Override
  protected boolean choleskyK(double[] a, int off, int n) {
    for (int j = 0; j < n; j++) {
      int rj = off + j * n;
      double s = a[rj + j];
      for (int k = 0; k < j; k++) {
        s -= a[rj + k] * a[rj + k];
      }
      if (!(s > 0.0) || !Double.isFinite(s)) {
        return false;
      }
      double ljj = Math.sqrt(s);
      a[rj + j] = ljj;
      double inv = 1.0 / ljj;
      for (int i = j + 1; i < n; i++) {
        int ri = off + i * n;
        double t = a[ri + j];
        for (int k = 0; k < j; k++) {
          t -= a[ri + k] * a[rj + k];
        }
        a[ri + j] = t * inv;
      }
      for (int k = j + 1; k < n; k++) {
        a[rj + k] = 0.0;
      }
    }
    return true;
  }

  @Override
  protected double logDetFromCholeskyK(double[] l, int off, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += Math.log(l[off + i * n + i]);
    }
    return 2.0 * s;
  }

  @Override
  protected void solveLowerK(double[] l, int lOff, int n, double[] b, int bOff) {
    for (int i = 0; i < n; i++) {
      int ri = lOff + i * n;
      double s = b[bOff + i];
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * b[bOff + k];
      }
      b[bOff + i] = s / l[ri + i];
    }
  }

  @Override
  protected void solveLowerTransposedK(double[] l, int lOff, int n, double[] b, int bOff) {
    for (int i = n - 1; i >= 0; i--) {
      double s = b[bOff + i];
      for (int k = i + 1; k < n; k++) {
        s -= l[lOff + k * n + i] * b[bOff + k];
      }
      b[bOff + i] = s / l[lOff + i * n + i];
    }
  }

  @Override
  protected void solveLowerRowsK(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    for (int r = 0; r < m; r++) {
      solveLower(l, lOff, n, b, bOff + r * n);
    }
  }

  @Override
  protected void solveLowerTransposedRowsK(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    for (int r = 0; r < m; r++) {
      solveLowerTransposed(l, lOff, n, b, bOff + r * n);
    }
  }

  @Override
  protected void invertLowerK(double[] l, int lOff, int n, double[] out, int outOff) {
    // Column j of L⁻¹ solves L y = e_j; y is zero above j.
    for (int i = 0; i < n * n; i++) {
      out[outOff + i] = 0.0;
    }
    for (int j = 0; j < n; j++) {
      out[outOff + j * n + j] = 1.0 / l[lOff + j * n + j];
      for (int i = j + 1; i < n; i++) {
        double s = 0.0;
        int ri = lOff + i * n;
        for (int k = j; k < i; k++) {
          s -= l[ri + k] * out[outOff + k * n + j];
        }
        out[outOff + i * n + j] = s / l[ri + i];
      }
    }
  }

  @Override
  protected void cholUpdateK(double[] l, int lOff, int n, double[] x, int xOff) {
    for (int k = 0; k < n; k++) {
      int dk = lOff + k * n + k;
      double lkk = l[dk];
      double xk = x[xOff + k];
      double r = Math.hypot(lkk, xk);
      double c = r / lkk;
      double s = xk / lkk;
      l[dk] = r;
      for (int i = k + 1; i < n; i++) {
        int ik = lOff + i * n + k;
        double lik = (l[ik] + s * x[xOff + i]) / c;
        x[xOff + i] = c * x[xOff + i] - s * lik;
        l[ik] = lik;
      }
    }
  }

  @Override
  protected boolean cholDowndateK(double[] l, int lOff, int n, double[] x, int xOff) {
    // First pass checks feasibility on copies, so that a failure leaves L unchanged.
    double[] lc = new double[n * n];
    System.arraycopy(l, lOff, lc, 0, n * n);
    for (int k = 0; k < n; k++) {
      int dk = k * n + k;
      double lkk = lc[dk];
      double xk = x[xOff + k];
      double r2 = (lkk - xk) * (lkk + xk);
      if (!(r2 > 0.0) || !Double.isFinite(r2)) {
        return false;
      }
      double r = Math.sqrt(r2);
      double c = r / lkk;
      double s = xk / lkk;
      lc[dk] = r;
      for (int i = k + 1; i < n; i++) {
        int ik = i * n + k;
        double lik = (lc[ik] - s * x[xOff + i]) / c;
        x[xOff + i] = c * x[xOff + i] - s * lik;
        lc[ik] = lik;
      }
    }
    System.arraycopy(lc, 0, l, lOff, n * n);
    return true;
  }

  @Override
  protected void lowerTimesTransposeK(double[] l, int lOff, int n, double[] out, int outOff) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0.0;
        int m = Math.min(i, j);
        for (int k = 0; k <= m; k++) {
          s += l[lOff + i * n + k] * l[lOff + j * n + k];
        }
        out[outOff + i * n + j] = s;
        out[outOff + j * n + i] = s;
      }
    }
  }

  @Override
  protected void transposeTimesLowerK(double[] l, int lOff, int n, double[] out, int outOff) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0.0;
        for (int k = i; k < n; k++) {
          s += l[lOff + k * n + i] * l[lOff + k * n + j];
        }
        out[outOff + i * n + j] = s;
        out[outOff + j * n + i] = s;
      }
    }
  }

  @Override
  protected void gemmK(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, double[] b, int bOff, double beta, double[] c, int cOff) {
    for (int i = 0; i < m; i++) {
      int rc = cOff + i * n;
      if (beta == 0.0) {
        for (int j = 0; j < n; j++) {
          c[rc + j] = 0.0;
        }
      } else if (beta != 1.0) {
        for (int j = 0; j < n; j++) {
          c[rc + j] *= beta;
        }
      }
      for (int p = 0; p < k; p++) {
        double aip = alpha * (transA ? a[aOff + p * m + i] : a[aOff + i * k + p]);
        if (aip == 0.0) {
          continue;
        }
        if (transB) {
          for (int j = 0; j < n; j++) {
            c[rc + j] += aip * b[bOff + j * k + p];
          }
        } else {
          int rb = bOff + p * n;
          for (int j = 0; j < n; j++) {
            c[rc + j] += aip * b[rb + j];
          }
        }
      }
    }
  }

  @Override
  protected void syrkK(boolean trans, int n, int k, double alpha, double[] a, int aOff, double beta,
      double[] c, int cOff) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0.0;
        if (trans) {
          for (int p = 0; p < k; p++) {
            s += a[aOff + p * n + i] * a[aOff + p * n + j];
          }
        } else {
          for (int p = 0; p < k; p++) {
            s += a[aOff + i * k + p] * a[aOff + j * k + p];
          }
        }
        double v = alpha * s + (beta == 0.0 ? 0.0 : beta * c[cOff + i * n + j]);
        c[cOff + i * n + j] = v;
        c[cOff + j * n + i] = v;
      }
    }
  }
}
