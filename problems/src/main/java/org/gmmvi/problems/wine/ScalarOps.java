package org.gmmvi.problems.wine;

/** Plain-Java versions of the network's inner loops (reference for {@link VectorOps}). */
final class ScalarOps {

  private ScalarOps() {}

  /** {@code z[off+r] ← 1/(1 + exp(−z[off+r]))} for {@code r < n}. */
  static void sigmoid(double[] z, int off, int n) {
    for (int r = 0; r < n; r++) {
      z[off + r] = 1.0 / (1.0 + Math.exp(-z[off + r]));
    }
  }

  /** Dot product with four independent accumulators (hides the add latency). */
  static double dot(double[] a, int ao, double[] b, int bo, int n) {
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

  /**
   * Dense layer over the rows of a block: {@code out[j*BLOCK + r] = b_j + Σ_{i<nIn} in[i*BLOCK + r] ·
   * w[wm + i·si + j·sj]} for {@code j < nOut}, {@code r < n}, with {@code b_j = w[wb + j]}, or 0 when
   * {@code wb < 0}. Strides {@code (si, sj)} select the weight matrix or its transpose.
   */
  static void dense(double[] in, int nIn, double[] w, int wm, int si, int sj, int wb, double[] out,
      int nOut, int n) {
    int block = BnnKernel.BLOCK;
    for (int j = 0; j < nOut; j++) {
      int o = j * block;
      double b = wb < 0 ? 0.0 : w[wb + j];
      for (int r = 0; r < n; r++) {
        out[o + r] = b;
      }
      for (int i = 0; i < nIn; i++) {
        double wij = w[wm + i * si + j * sj];
        int p = i * block;
        for (int r = 0; r < n; r++) {
          out[o + r] += wij * in[p + r];
        }
      }
    }
  }
}
