package org.gmmvi.kernels.scalar;

import org.gmmvi.kernels.AbstractRowKernels;

/** Plain-Java {@link org.gmmvi.kernels.RowKernels}: the reference the other backends are checked against. */
public class ScalarRowKernels extends AbstractRowKernels {

  @Override
  protected void sigmoidK(double[] z, int off, int n) {
    for (int r = 0; r < n; r++) {
      z[off + r] = 1.0 / (1.0 + Math.exp(-z[off + r]));
    }
  }

  /** Four independent accumulators (hides the add latency), combined as {@code (s0+s1)+(s2+s3)}. */
  @Override
  protected double dotK(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int r = 0;
    for (; r + 3 < n; r += 4) {
      s0 += a[ao + r] * b[bo + r];
      s1 += a[ao + r + 1] * b[bo + r + 1];
      s2 += a[ao + r + 2] * b[bo + r + 2];
      s3 += a[ao + r + 3] * b[bo + r + 3];
    }
    for (; r < n; r++) {
      s0 += a[ao + r] * b[bo + r];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  protected void denseK(double[] in, int nIn, double[] w, int wm, int si, int sj, int wb,
      double[] out, int nOut, int n, int stride) {
    for (int j = 0; j < nOut; j++) {
      int o = j * stride;
      double b = wb < 0 ? 0.0 : w[wb + j];
      for (int r = 0; r < n; r++) {
        out[o + r] = b;
      }
      for (int i = 0; i < nIn; i++) {
        double wij = w[wm + i * si + j * sj];
        int p = i * stride;
        for (int r = 0; r < n; r++) {
          out[o + r] += wij * in[p + r];
        }
      }
    }
  }

  @Override
  protected double gaussianRowSumK(double[] a, int aOff, double[] gT, int n, int from, int to,
      int d) {
    double s = 0.0;
    for (int j = from; j < to; j++) {
      s += Math.exp(-squaredDistanceTransposed(a, aOff, gT, n, j, d));
    }
    return s;
  }

  /** {@code ‖a[aOff..aOff+d) − g_j‖²} with {@code g_j} stored transposed, one FMA per dimension. */
  public static double squaredDistanceTransposed(double[] a, int aOff, double[] gT, int n, int j,
      int d) {
    double q = 0.0;
    for (int k = 0; k < d; k++) {
      double t = gT[k * n + j] - a[aOff + k];
      q = Math.fma(t, t, q);
    }
    return q;
  }
}
