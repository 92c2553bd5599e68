package org.gmmvi.kernels.panama;

import static org.gmmvi.kernels.panama.PanamaVectorConstants.LANES;
import static org.gmmvi.kernels.panama.PanamaVectorConstants.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.gmmvi.kernels.scalar.ScalarDenseKernels;

/**
 * Vector API dense kernels. Only routines whose inner loop is a long contiguous dot product or
 * axpy are vectorised, and only above {@link #MIN_N}: the Cholesky (dot form,
 * {@code L_ij = (a_ij − ⟨L_i,0:j, L_j,0:j⟩)/L_jj}) and the triangular solves over many rows. Small
 * matrices stay on the scalar loops, which docs/TOOLCHAIN.md measured to be faster for
 * {@code n <= 20}.
 */
public class PanamaDenseKernels extends ScalarDenseKernels {

  /** Smallest order that is vectorised (inner loops average {@code n/2}, a few vectors). */
  static final int MIN_N = 48;

  @Override
  protected boolean choleskyK(double[] a, int off, int n) {
    if (n < MIN_N) {
      return super.choleskyK(a, off, n);
    }
    for (int j = 0; j < n; j++) {
      int rj = off + j * n;
      double s = a[rj + j] - dot(a, rj, a, rj, j);
      if (!(s > 0.0) || !Double.isFinite(s)) {
        return false;
      }
      double ljj = Math.sqrt(s);
      a[rj + j] = ljj;
      double inv = 1.0 / ljj;
      for (int i = j + 1; i < n; i++) {
        int ri = off + i * n;
        a[ri + j] = (a[ri + j] - dot(a, ri, a, rj, j)) * inv;
      }
      for (int k = j + 1; k < n; k++) {
        a[rj + k] = 0.0;
      }
    }
    return true;
  }

  @Override
  protected void solveLowerRowsK(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    if (n < MIN_N) {
      super.solveLowerRowsK(l, lOff, n, b, bOff, m);
      return;
    }
    for (int r = 0; r < m; r++) {
      int rb = bOff + r * n;
      for (int i = 0; i < n; i++) {
        int ri = lOff + i * n;
        b[rb + i] = (b[rb + i] - dot(l, ri, b, rb, i)) / l[ri + i];
      }
    }
  }

  @Override
  protected void solveLowerTransposedRowsK(double[] l, int lOff, int n, double[] b, int bOff,
      int m) {
    if (n < MIN_N) {
      super.solveLowerTransposedRowsK(l, lOff, n, b, bOff, m);
      return;
    }
    // Column-oriented back substitution: z_i = b_i / L_ii, then b_0:i −= z_i · L_i,0:i (row i of L).
    for (int r = 0; r < m; r++) {
      int rb = bOff + r * n;
      for (int i = n - 1; i >= 0; i--) {
        int ri = lOff + i * n;
        double zi = b[rb + i] / l[ri + i];
        b[rb + i] = zi;
        axpy(-zi, l, ri, b, rb, i);
      }
    }
  }

  /** {@code Σ_{t<len} x[xo+t]·y[yo+t]}, two vector accumulators and a scalar tail. */
  static double dot(double[] x, int xo, double[] y, int yo, int len) {
    int t = 0;
    double s = 0.0;
    if (len >= 2 * LANES) {
      DoubleVector acc0 = DoubleVector.zero(SPECIES);
      DoubleVector acc1 = DoubleVector.zero(SPECIES);
      int bound = len - len % (2 * LANES);
      for (; t < bound; t += 2 * LANES) {
        acc0 = DoubleVector.fromArray(SPECIES, x, xo + t)
            .fma(DoubleVector.fromArray(SPECIES, y, yo + t), acc0);
        acc1 = DoubleVector.fromArray(SPECIES, x, xo + t + LANES)
            .fma(DoubleVector.fromArray(SPECIES, y, yo + t + LANES), acc1);
      }
      s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
    for (; t < len; t++) {
      s += x[xo + t] * y[yo + t];
    }
    return s;
  }

  /** {@code y[yo+t] += alpha·x[xo+t]} for {@code t < len}, with a scalar tail. */
  static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
    int t = 0;
    int bound = SPECIES.loopBound(len);
    DoubleVector a = DoubleVector.broadcast(SPECIES, alpha);
    for (; t < bound; t += LANES) {
      DoubleVector.fromArray(SPECIES, x, xo + t)
          .fma(a, DoubleVector.fromArray(SPECIES, y, yo + t))
          .intoArray(y, yo + t);
    }
    for (; t < len; t++) {
      y[yo + t] += alpha * x[xo + t];
    }
  }
}
