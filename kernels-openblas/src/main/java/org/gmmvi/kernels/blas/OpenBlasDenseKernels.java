package org.gmmvi.kernels.blas;

import static org.gmmvi.kernels.blas.OpenBlas.COL_MAJOR;
import static org.gmmvi.kernels.blas.OpenBlas.LOWER;
import static org.gmmvi.kernels.blas.OpenBlas.NO_TRANS;
import static org.gmmvi.kernels.blas.OpenBlas.RIGHT;
import static org.gmmvi.kernels.blas.OpenBlas.TRANS;

import org.gmmvi.kernels.scalar.ScalarDenseKernels;

/**
 * Dense kernels on OpenBLAS/LAPACKE: {@code dpotrf} (Cholesky), {@code dtrsv}/{@code dtrsm}
 * (triangular solves), {@code dtrtri} (inverse factor), {@code dgemm}, {@code dsyrk}. The rank-1
 * update and downdate stay on the scalar code (no LAPACK routine). A row-major lower factor is a
 * column-major upper one, so LAPACK is called column-major with {@code uplo = 'U'}: no transposes.
 */
public class OpenBlasDenseKernels extends ScalarDenseKernels {

  @Override
  protected boolean choleskyK(double[] a, int off, int n) {
    if (OpenBlas.dpotrf(COL_MAJOR, 'U', n, a, off, n) != 0) {
      return false;
    }
    zeroStrictUpper(a, off, n);
    // dpotrf accepts an infinite pivot (it only rejects non-positive and NaN ones); the contract
    // requires finite pivots.
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(a[off + i * n + i])) {
        return false;
      }
    }
    return true;
  }

  private static void zeroStrictUpper(double[] a, int off, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        a[off + i * n + j] = 0.0;
      }
    }
  }

  @Override
  protected void solveLowerK(double[] l, int lOff, int n, double[] b, int bOff) {
    OpenBlas.dtrsv(LOWER, NO_TRANS, n, l, lOff, n, b, bOff);
  }

  @Override
  protected void solveLowerTransposedK(double[] l, int lOff, int n, double[] b, int bOff) {
    OpenBlas.dtrsv(LOWER, TRANS, n, l, lOff, n, b, bOff);
  }

  /** Every row {@code r} becomes {@code L⁻¹ r}: {@code B ← B L⁻ᵀ}, {@code dtrsm} from the right. */
  @Override
  protected void solveLowerRowsK(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    OpenBlas.dtrsm(RIGHT, LOWER, TRANS, m, n, 1.0, l, lOff, n, b, bOff, n);
  }

  /** Every row {@code r} becomes {@code L⁻ᵀ r}: {@code B ← B L⁻¹}. */
  @Override
  protected void solveLowerTransposedRowsK(double[] l, int lOff, int n, double[] b, int bOff,
      int m) {
    OpenBlas.dtrsm(RIGHT, LOWER, NO_TRANS, m, n, 1.0, l, lOff, n, b, bOff, n);
  }

  @Override
  protected void invertLowerK(double[] l, int lOff, int n, double[] out, int outOff) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[outOff + i * n + j] = j <= i ? l[lOff + i * n + j] : 0.0;
      }
    }
    if (OpenBlas.dtrtri(COL_MAJOR, 'U', n, out, outOff, n) != 0) {
      // Only a zero or NaN diagonal gets here; the scalar reference then yields ±inf/NaN too.
      super.invertLowerK(l, lOff, n, out, outOff);
    }
  }

  @Override
  protected void lowerTimesTransposeK(double[] l, int lOff, int n, double[] out, int outOff) {
    syrkK(false, n, n, 1.0, l, lOff, 0.0, out, outOff);
  }

  @Override
  protected void transposeTimesLowerK(double[] l, int lOff, int n, double[] out, int outOff) {
    syrkK(true, n, n, 1.0, l, lOff, 0.0, out, outOff);
  }

  @Override
  protected void gemmK(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, double[] b, int bOff, double beta, double[] c, int cOff) {
    int lda = Math.max(1, transA ? m : k);
    int ldb = Math.max(1, transB ? k : n);
    OpenBlas.dgemm(transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, a, aOff,
        lda, b, bOff, ldb, beta, c, cOff, n);
  }

  /** {@code dsyrk} writes the lower triangle; it is then mirrored (full output, as the reference). */
  @Override
  protected void syrkK(boolean trans, int n, int k, double alpha, double[] a, int aOff,
      double beta, double[] c, int cOff) {
    int lda = Math.max(1, trans ? n : k);
    OpenBlas.dsyrk(LOWER, trans ? TRANS : NO_TRANS, n, k, alpha, a, aOff, lda, beta, c, cOff, n);
    mirrorLower(c, cOff, n);
  }

  /** Copies the strict lower triangle of the {@code n × n} matrix at {@code off} to the upper. */
  static void mirrorLower(double[] c, int off, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        c[off + j * n + i] = c[off + i * n + j];
      }
    }
  }
}
