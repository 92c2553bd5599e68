package org.gmmvi.kernels;

/**
 * Checked entry points of {@link DenseKernels} ("check once, then trust", as netlib's
 * {@code AbstractBLAS}): every public method validates sizes, offsets and array lengths, returns
 * early for empty input, and then calls the protected unchecked kernel ({@code cholesky} →
 * {@code choleskyK}). Backends implement only the {@code ...K} kernels and may assume valid input.
 */
public abstract class AbstractDenseKernels implements DenseKernels {

  private static long sq(int n) {
    return (long) n * n;
  }

  @Override
  public final boolean cholesky(double[] a, int off, int n) {
    Checks.size("n", n);
    Checks.array("a", a, off, sq(n));
    return n == 0 || choleskyK(a, off, n);
  }

  @Override
  public final double logDetFromCholesky(double[] l, int off, int n) {
    Checks.size("n", n);
    Checks.array("l", l, off, sq(n));
    return n == 0 ? 0.0 : logDetFromCholeskyK(l, off, n);
  }

  @Override
  public final void solveLower(double[] l, int lOff, int n, double[] b, int bOff) {
    Checks.size("n", n);
    Checks.array("l", l, lOff, sq(n));
    Checks.array("b", b, bOff, n);
    if (n > 0) {
      solveLowerK(l, lOff, n, b, bOff);
    }
  }

  @Override
  public final void solveLowerTransposed(double[] l, int lOff, int n, double[] b, int bOff) {
    Checks.size("n", n);
    Checks.array("l", l, lOff, sq(n));
    Checks.array("b", b, bOff, n);
    if (n > 0) {
      solveLowerTransposedK(l, lOff, n, b, bOff);
    }
  }

  @Override
  public final void solveLowerRows(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    checkRows(l, lOff, n, b, bOff, m);
    if (n > 0 && m > 0) {
      solveLowerRowsK(l, lOff, n, b, bOff, m);
    }
  }

  @Override
  public final void solveLowerTransposedRows(double[] l, int lOff, int n, double[] b, int bOff,
      int m) {
    checkRows(l, lOff, n, b, bOff, m);
    if (n > 0 && m > 0) {
      solveLowerTransposedRowsK(l, lOff, n, b, bOff, m);
    }
  }

  private static void checkRows(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    Checks.size("n", n);
    Checks.size("m (number of rows)", m);
    Checks.array("l", l, lOff, sq(n));
    Checks.array("b", b, bOff, (long) m * n);
  }

  @Override
  public final void invertLower(double[] l, int lOff, int n, double[] out, int outOff) {
    checkSquareOut(l, lOff, n, out, outOff);
    if (n > 0) {
      invertLowerK(l, lOff, n, out, outOff);
    }
  }

  @Override
  public final void cholUpdate(double[] l, int lOff, int n, double[] x, int xOff) {
    Checks.size("n", n);
    Checks.array("l", l, lOff, sq(n));
    Checks.array("x", x, xOff, n);
    if (n > 0) {
      cholUpdateK(l, lOff, n, x, xOff);
    }
  }

  @Override
  public final boolean cholDowndate(double[] l, int lOff, int n, double[] x, int xOff) {
    Checks.size("n", n);
    Checks.array("l", l, lOff, sq(n));
    Checks.array("x", x, xOff, n);
    return n == 0 || cholDowndateK(l, lOff, n, x, xOff);
  }

  @Override
  public final void lowerTimesTranspose(double[] l, int lOff, int n, double[] out, int outOff) {
    checkSquareOut(l, lOff, n, out, outOff);
    if (n > 0) {
      lowerTimesTransposeK(l, lOff, n, out, outOff);
    }
  }

  @Override
  public final void transposeTimesLower(double[] l, int lOff, int n, double[] out, int outOff) {
    checkSquareOut(l, lOff, n, out, outOff);
    if (n > 0) {
      transposeTimesLowerK(l, lOff, n, out, outOff);
    }
  }

  private static void checkSquareOut(double[] l, int lOff, int n, double[] out, int outOff) {
    Checks.size("n", n);
    Checks.array("l", l, lOff, sq(n));
    Checks.array("out", out, outOff, sq(n));
    Checks.distinct("out", out, "l", l);
  }

  @Override
  public final void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, double[] b, int bOff, double beta, double[] c, int cOff) {
    Checks.size("m", m);
    Checks.size("n", n);
    Checks.size("k", k);
    Checks.array("a", a, aOff, (long) m * k);
    Checks.array("b", b, bOff, (long) k * n);
    Checks.array("c", c, cOff, (long) m * n);
    Checks.distinct("c", c, "a", a);
    Checks.distinct("c", c, "b", b);
    if (m > 0 && n > 0) {
      gemmK(transA, transB, m, n, k, alpha, a, aOff, b, bOff, beta, c, cOff);
    }
  }

  @Override
  public final void syrk(boolean trans, int n, int k, double alpha, double[] a, int aOff,
      double beta, double[] c, int cOff) {
    Checks.size("n", n);
    Checks.size("k", k);
    Checks.array("a", a, aOff, (long) n * k);
    Checks.array("c", c, cOff, sq(n));
    Checks.distinct("c", c, "a", a);
    if (n > 0) {
      syrkK(trans, n, k, alpha, a, aOff, beta, c, cOff);
    }
  }

  /** Unchecked {@link #cholesky}; {@code n >= 1}. */
  protected abstract boolean choleskyK(double[] a, int off, int n);

  /** Unchecked {@link #logDetFromCholesky}; {@code n >= 1}. */
  protected abstract double logDetFromCholeskyK(double[] l, int off, int n);

  /** Unchecked {@link #solveLower}; {@code n >= 1}. */
  protected abstract void solveLowerK(double[] l, int lOff, int n, double[] b, int bOff);

  /** Unchecked {@link #solveLowerTransposed}; {@code n >= 1}. */
  protected abstract void solveLowerTransposedK(double[] l, int lOff, int n, double[] b, int bOff);

  /** Unchecked {@link #solveLowerRows}; {@code n, m >= 1}. */
  protected abstract void solveLowerRowsK(double[] l, int lOff, int n, double[] b, int bOff,
      int m);

  /** Unchecked {@link #solveLowerTransposedRows}; {@code n, m >= 1}. */
  protected abstract void solveLowerTransposedRowsK(double[] l, int lOff, int n, double[] b,
      int bOff, int m);

  /** Unchecked {@link #invertLower}; {@code n >= 1}. */
  protected abstract void invertLowerK(double[] l, int lOff, int n, double[] out, int outOff);

  /** Unchecked {@link #cholUpdate}; {@code n >= 1}. */
  protected abstract void cholUpdateK(double[] l, int lOff, int n, double[] x, int xOff);

  /** Unchecked {@link #cholDowndate}; {@code n >= 1}. */
  protected abstract boolean cholDowndateK(double[] l, int lOff, int n, double[] x, int xOff);

  /** Unchecked {@link #lowerTimesTranspose}; {@code n >= 1}. */
  protected abstract void lowerTimesTransposeK(double[] l, int lOff, int n, double[] out,
      int outOff);

  /** Unchecked {@link #transposeTimesLower}; {@code n >= 1}. */
  protected abstract void transposeTimesLowerK(double[] l, int lOff, int n, double[] out,
      int outOff);

  /** Unchecked {@link #gemm}; {@code m, n >= 1}, {@code k >= 0}. */
  protected abstract void gemmK(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, double[] b, int bOff, double beta, double[] c, int cOff);

  /** Unchecked {@link #syrk}; {@code n >= 1}, {@code k >= 0}. */
  protected abstract void syrkK(boolean trans, int n, int k, double alpha, double[] a, int aOff,
      double beta, double[] c, int cOff);
}
