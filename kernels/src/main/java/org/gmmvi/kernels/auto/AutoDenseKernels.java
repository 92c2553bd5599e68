package org.gmmvi.kernels.auto;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.Kernels;

/**
 * Dense kernels routed by size. Small matrices stay on the scalar loops (call overhead of a
 * native call and of vector setup dominates there); from the measured crossover on, the work
 * goes to OpenBLAS, or to the Vector API backend when OpenBLAS did not load. Routines without a
 * faster implementation (rank-1 updates, single-vector solves, log-determinant) always run scalar.
 * Every call delegates to a public, checked entry, so validation stays in one place.
 */
final class AutoDenseKernels implements DenseKernels {

  /**
   * Cholesky, inverse factor and {@code LLᵀ} products: order from which the large backend is used.
   * Measured (JMH sample mode, batches of 10, best case µs, benchmarks/README.md): n = 5: scalar 0.7,
   * panama 1.2, openblas 2.1; n = 10: 3.0 / 3.0 / 5.0; n = 20: 13.9 / 13.6 / 15.0 (a tie);
   * n = 50: 138.5 / 111.5 / 87.8; n = 100: 1630 / 589 / 524; n = 300: 63111 / 36962 / 16204. The
   * crossover lies between 20 and 50.
   */
  static final int FACTOR_MIN_N = 40;

  /** Triangular solves over rows: {@code m·n²} from which the large backend wins. */
  static final long SOLVE_ROWS_MIN_WORK = 8_000;

  /** gemm/syrk: {@code m·n·k} from which the large backend wins. */
  static final long PRODUCT_MIN_WORK = 8_000;

  private final DenseKernels small;
  private final DenseKernels large;
  private final String largeName;

  AutoDenseKernels(Kernels scalar, Kernels panama, Kernels openblas) {
    Kernels big = AutoKernels.first(openblas, panama, scalar);
    this.small = scalar.dense();
    this.large = big.dense();
    this.largeName = big.name();
  }

  String describe() {
    return "factor n<" + FACTOR_MIN_N + " scalar else " + largeName + ", row solves m*n^2<"
        + SOLVE_ROWS_MIN_WORK + " scalar else " + largeName + ", gemm/syrk m*n*k<"
        + PRODUCT_MIN_WORK + " scalar else " + largeName + ", rest scalar";
  }

  private DenseKernels byOrder(int n) {
    return n < FACTOR_MIN_N ? small : large;
  }

  @Override
  public boolean cholesky(double[] a, int off, int n) {
    return byOrder(n).cholesky(a, off, n);
  }

  @Override
  public double logDetFromCholesky(double[] l, int off, int n) {
    return small.logDetFromCholesky(l, off, n);
  }

  @Override
  public void solveLower(double[] l, int lOff, int n, double[] b, int bOff) {
    small.solveLower(l, lOff, n, b, bOff);
  }

  @Override
  public void solveLowerTransposed(double[] l, int lOff, int n, double[] b, int bOff) {
    small.solveLowerTransposed(l, lOff, n, b, bOff);
  }

  private DenseKernels byRows(int n, int m) {
    return (long) m * n * n < SOLVE_ROWS_MIN_WORK ? small : large;
  }

  @Override
  public void solveLowerRows(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    byRows(n, m).solveLowerRows(l, lOff, n, b, bOff, m);
  }

  @Override
  public void solveLowerTransposedRows(double[] l, int lOff, int n, double[] b, int bOff, int m) {
    byRows(n, m).solveLowerTransposedRows(l, lOff, n, b, bOff, m);
  }

  @Override
  public void invertLower(double[] l, int lOff, int n, double[] out, int outOff) {
    byOrder(n).invertLower(l, lOff, n, out, outOff);
  }

  @Override
  public void cholUpdate(double[] l, int lOff, int n, double[] x, int xOff) {
    small.cholUpdate(l, lOff, n, x, xOff);
  }

  @Override
  public boolean cholDowndate(double[] l, int lOff, int n, double[] x, int xOff) {
    return small.cholDowndate(l, lOff, n, x, xOff);
  }

  @Override
  public void lowerTimesTranspose(double[] l, int lOff, int n, double[] out, int outOff) {
    byOrder(n).lowerTimesTranspose(l, lOff, n, out, outOff);
  }

  @Override
  public void transposeTimesLower(double[] l, int lOff, int n, double[] out, int outOff) {
    byOrder(n).transposeTimesLower(l, lOff, n, out, outOff);
  }

  private DenseKernels byWork(long work) {
    return work < PRODUCT_MIN_WORK ? small : large;
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
      int aOff, double[] b, int bOff, double beta, double[] c, int cOff) {
    byWork((long) m * n * k).gemm(transA, transB, m, n, k, alpha, a, aOff, b, bOff, beta, c,
        cOff);
  }

  @Override
  public void syrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, double beta,
      double[] c, int cOff) {
    byWork((long) n * n * k).syrk(trans, n, k, alpha, a, aOff, beta, c, cOff);
  }
}
