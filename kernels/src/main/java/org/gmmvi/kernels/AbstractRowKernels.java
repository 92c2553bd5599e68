package org.gmmvi.kernels;

/**
 * Checked entry points of {@link RowKernels}: validates sizes and the last element each call
 * touches once, returns early for empty input, then calls the protected unchecked kernel, which
 * may assume {@code n >= 1} (and {@code d >= 1}, {@code from < to} for the row sum).
 */
public abstract class AbstractRowKernels implements RowKernels {

  @Override
  public final void sigmoid(double[] z, int off, int n) {
    Checks.size("n", n);
    Checks.array("z", z, off, n);
    if (n > 0) {
      sigmoidK(z, off, n);
    }
  }

  @Override
  public final double dot(double[] a, int aOff, double[] b, int bOff, int n) {
    Checks.size("n", n);
    Checks.array("a", a, aOff, n);
    Checks.array("b", b, bOff, n);
    return n == 0 ? 0.0 : dotK(a, aOff, b, bOff, n);
  }

  @Override
  public final void dense(double[] in, int nIn, double[] w, int wm, int si, int sj, int wb,
      double[] out, int nOut, int n, int stride) {
    Checks.size("nIn", nIn);
    Checks.size("nOut", nOut);
    Checks.size("n", n);
    if (n > stride) {
      throw new IllegalArgumentException("n (rows) must be <= stride, got n=" + n + ", stride="
          + stride);
    }
    if (n == 0 || nOut == 0) {
      return;
    }
    if (si < 0 || sj < 0) {
      throw new IllegalArgumentException("weight strides must be >= 0, got si=" + si + ", sj="
          + sj);
    }
    Checks.array("in", in, nIn == 0 ? 0 : (long) (nIn - 1) * stride + n);
    Checks.array("out", out, (long) (nOut - 1) * stride + n);
    if (nIn > 0) {
      Checks.array("w", w, wm, (long) (nIn - 1) * si + (long) (nOut - 1) * sj + 1);
    }
    if (wb >= 0) {
      Checks.array("w (bias)", w, wb, nOut);
    }
    denseK(in, nIn, w, wm, si, sj, wb, out, nOut, n, stride);
  }

  @Override
  public final double gaussianRowSum(double[] a, int aOff, double[] gT, int n, int from, int to,
      int d) {
    Checks.size("n", n);
    Checks.size("d", d);
    if (from < 0 || from > to || to > n) {
      throw new IllegalArgumentException("need 0 <= from <= to <= n, got from=" + from + ", to="
          + to + ", n=" + n);
    }
    Checks.array("a", a, aOff, d);
    Checks.array("gT", gT, (long) d * n);
    if (from == to) {
      return 0.0;
    }
    if (d == 0) {
      return to - from;
    }
    return gaussianRowSumK(a, aOff, gT, n, from, to, d);
  }

  /** Unchecked {@link #sigmoid}. */
  protected abstract void sigmoidK(double[] z, int off, int n);

  /** Unchecked {@link #dot}. */
  protected abstract double dotK(double[] a, int aOff, double[] b, int bOff, int n);

  /** Unchecked {@link #dense}. */
  protected abstract void denseK(double[] in, int nIn, double[] w, int wm, int si, int sj, int wb,
      double[] out, int nOut, int n, int stride);

  /** Unchecked {@link #gaussianRowSum}. */
  protected abstract double gaussianRowSumK(double[] a, int aOff, double[] gT, int n, int from,
      int to, int d);
}
