package org.gmmvi.problems.wine;

import static org.gmmvi.problems.wine.BnnLayout.B1;
import static org.gmmvi.problems.wine.BnnLayout.B2;
import static org.gmmvi.problems.wine.BnnLayout.B3;
import static org.gmmvi.problems.wine.BnnLayout.H1;
import static org.gmmvi.problems.wine.BnnLayout.H2;
import static org.gmmvi.problems.wine.BnnLayout.IN;
import static org.gmmvi.problems.wine.BnnLayout.W1;
import static org.gmmvi.problems.wine.BnnLayout.W2;
import static org.gmmvi.problems.wine.BnnLayout.W3;

import org.gmmvi.kernels.RowKernels;

/**
 * Forward and backward pass of the WINE network (see {@link BnnLayout}) for one parameter vector on a
 * block of at most {@link #BLOCK} data rows, with all buffers owned by the kernel (no allocation per
 * call). Not thread-safe: one kernel per thread.
 *
 * <p>Buffers are feature-major ({@code buf[unit*BLOCK + r]} for row {@code r} of the block), so every
 * inner loop runs over the rows of the block with unit stride (auto-vectorised broadcast-FMA loops for
 * the forward pass, dot products for the weight gradients). The loops are the backend's
 * {@link RowKernels} (lanes over the rows), given at construction.
 *
 * <p>Usage: {@link #gather} (or {@link #gatherRange}) the rows, {@link #forward}, then {@link #sse} and,
 * for a gradient, {@link #backward}.
 */
final class BnnKernel {

  /** Largest number of rows in one block (the mini-batch size of §4.7). */
  static final int BLOCK = 128;

  private static final double[] ONES = ones();

  private final RowKernels rows;

  private final double[] xb = new double[IN * BLOCK];
  private final double[] yb = new double[BLOCK];
  private final double[] h1 = new double[H1 * BLOCK];
  private final double[] h2 = new double[H2 * BLOCK];
  private final double[] out = new double[BLOCK];
  private final double[] g = new double[BLOCK];
  private final double[] d2 = new double[H2 * BLOCK];
  private final double[] d1 = new double[H1 * BLOCK];

  /** A kernel whose inner loops run on {@code rows}. */
  BnnKernel(RowKernels rows) {
    this.rows = rows;
  }

  /**
   * Loads rows {@code rows[off .. off+n)} of a split into the block.
   *
   * @param x    split features, row-major {@code N × 11}
   * @param y    split labels, length {@code N}
   * @param rows row indices
   * @param n    number of rows, {@code 1 ≤ n ≤ BLOCK}
   */
  void gather(double[] x, double[] y, int[] rows, int off, int n) {
    for (int r = 0; r < n; r++) {
      int row = rows[off + r];
      int base = row * IN;
      for (int a = 0; a < IN; a++) {
        xb[a * BLOCK + r] = x[base + a];
      }
      yb[r] = y[row];
    }
  }

  /** Loads the contiguous rows {@code start .. start+n)} of a split (see {@link #gather}). */
  void gatherRange(double[] x, double[] y, int start, int n) {
    for (int r = 0; r < n; r++) {
      int base = (start + r) * IN;
      for (int a = 0; a < IN; a++) {
        xb[a * BLOCK + r] = x[base + a];
      }
      yb[r] = y[start + r];
    }
  }

  /**
   * Forward pass of parameters {@code w[wOff .. wOff+177)} on the first {@code n} loaded rows; the
   * outputs are then available through {@link #output(int)}.
   */
  void forward(double[] w, int wOff, int n) {
    layer(xb, IN, w, wOff + W1, wOff + B1, h1, H1, n, false);
    sigmoid(h1, H1, n);
    layer(h1, H1, w, wOff + W2, wOff + B2, h2, H2, n, false);
    sigmoid(h2, H2, n);
    double b3 = w[wOff + B3];
    for (int r = 0; r < n; r++) {
      out[r] = b3;
    }
    for (int k = 0; k < H2; k++) {
      double wk = w[wOff + W3 + k];
      int o = k * BLOCK;
      for (int r = 0; r < n; r++) {
        out[r] += wk * h2[o + r];
      }
    }
  }

  /**
   * {@code z[j][r] = b[j] + Σ_i in[i][r] · W[i][j]}, W row-major {@code nIn × nOut} at {@code wm},
   * {@code b} at {@code wb} ({@code wb < 0}: no bias); {@code transposed} uses {@code Wᵀ} instead
   * ({@code W} then {@code nOut × nIn}).
   */
  private void layer(double[] in, int nIn, double[] w, int wm, int wb, double[] z, int nOut,
      int n, boolean transposed) {
    int si = transposed ? 1 : nOut;
    int sj = transposed ? nIn : 1;
    rows.dense(in, nIn, w, wm, si, sj, wb, z, nOut, n, BLOCK);
  }

  /** Network output for row {@code r} of the block after {@link #forward}. */
  double output(int r) {
    return out[r];
  }

  /** {@code Σ_r (f(x_r) − y_r)²} over the first {@code n} rows, after {@link #forward}. */
  double sse(int n) {
    double s0 = 0;
    double s1 = 0;
    int r = 0;
    for (; r + 1 < n; r += 2) {
      double e0 = out[r] - yb[r];
      double e1 = out[r + 1] - yb[r + 1];
      s0 += e0 * e0;
      s1 += e1 * e1;
    }
    if (r < n) {
      double e = out[r] - yb[r];
      s0 += e * e;
    }
    return s0 + s1;
  }

  /**
   * Adds {@code ∇_w [−scale · Σ_r (f_w(x_r) − y_r)²]} (back-propagation, no prior term) to
   * {@code grad[gOff .. gOff+177)}. Requires {@link #forward} with the same {@code w} and {@code n}.
   */
  void backward(double[] w, int wOff, int n, double scale, double[] grad, int gOff) {
    double c = -2.0 * scale;
    for (int r = 0; r < n; r++) {
      g[r] = c * (out[r] - yb[r]);
    }
    grad[gOff + B3] += sum(g, 0, n);
    for (int k = 0; k < H2; k++) {
      int o = k * BLOCK;
      grad[gOff + W3 + k] += dot(g, 0, h2, o, n);
      double wk = w[wOff + W3 + k];
      for (int r = 0; r < n; r++) {
        double h = h2[o + r];
        d2[o + r] = g[r] * wk * h * (1.0 - h);
      }
      grad[gOff + B2 + k] += sum(d2, o, n);
    }
    // d1[j][r] = h1(1 − h1) · Σ_k W2[j][k] d2[k][r]
    layer(d2, H2, w, wOff + W2, -1, d1, H1, n, true);
    for (int j = 0; j < H1; j++) {
      int o = j * BLOCK;
      for (int k = 0; k < H2; k++) {
        grad[gOff + W2 + j * H2 + k] += dot(h1, o, d2, k * BLOCK, n);
      }
      for (int r = 0; r < n; r++) {
        double h = h1[o + r];
        d1[o + r] *= h * (1.0 - h);
      }
      grad[gOff + B1 + j] += sum(d1, o, n);
    }
    for (int a = 0; a < IN; a++) {
      int p = a * BLOCK;
      for (int j = 0; j < H1; j++) {
        grad[gOff + W1 + a * H1 + j] += dot(xb, p, d1, j * BLOCK, n);
      }
    }
  }

  /**
   * Writes the prior's gradient {@code −w} into {@code grad[gOff .. gOff+177)} (when {@code grad} is
   * not {@code null}) and returns the prior term {@code −½‖w‖²} (standard normal without constant).
   */
  static double priorInto(double[] w, int wOff, double[] grad, int gOff) {
    double s = 0;
    for (int i = 0; i < BnnLayout.DIM; i++) {
      double v = w[wOff + i];
      s += v * v;
      if (grad != null) {
        grad[gOff + i] = -v;
      }
    }
    return -0.5 * s;
  }

  private void sigmoid(double[] z, int units, int n) {
    for (int j = 0; j < units; j++) {
      rows.sigmoid(z, j * BLOCK, n);
    }
  }

  private double dot(double[] a, int ao, double[] b, int bo, int n) {
    return rows.dot(a, ao, b, bo, n);
  }

  /** {@code Σ_{r<n} a[ao+r]}, as a dot product with ones (only 17 sums per block). */
  private double sum(double[] a, int ao, int n) {
    return dot(a, ao, ONES, 0, n);
  }

  private static double[] ones() {
    double[] a = new double[BLOCK];
    java.util.Arrays.fill(a, 1.0);
    return a;
  }
}
