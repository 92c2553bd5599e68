package org.gmmvi.kernels.scalar;

import org.gmmvi.kernels.AbstractNgKernels;

/**
 * Plain-Java weighted sums for the estimators: the reference for the other backends. Samples are
 * summed in ascending order. Input is validated by {@link AbstractNgKernels}.
 */
public class ScalarNgKernels extends AbstractNgKernels {

  @Override
  protected void weightedSumK(double[] w, double[] g, int n, int d, double[] out) {
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int s = 0; s < n; s++) {
      double ws = w[s];
      for (int i = 0; i < d; i++) {
        out[i] += ws * g[s * d + i];
      }
    }
  }

  @Override
  protected void weightedOuterK(double[] w, double[] g, double[] h, int n, int d, double[] out) {
    java.util.Arrays.fill(out, 0, d * d, 0.0);
    for (int s = 0; s < n; s++) {
      double ws = w[s];
      for (int a = 0; a < d; a++) {
        double wg = ws * g[s * d + a];
        int ra = a * d;
        for (int b = 0; b < d; b++) {
          out[ra + b] += wg * h[s * d + b];
        }
      }
    }
  }

  @Override
  protected void weightedElementwiseK(double[] w, double[] g, double[] h, int n, int d, double[] out) {
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int s = 0; s < n; s++) {
      double ws = w[s];
      for (int i = 0; i < d; i++) {
        out[i] += ws * g[s * d + i] * h[s * d + i];
      }
    }
  }

  @Override
  protected void weightedGramK(double[] w, double[] phi, int n, int p, double[] out) {
    java.util.Arrays.fill(out, 0, p * p, 0.0);
    for (int s = 0; s < n; s++) {
      double ws = w[s];
      int rs = s * p;
      for (int a = 0; a < p; a++) {
        double wa = ws * phi[rs + a];
        int ra = a * p;
        for (int b = 0; b <= a; b++) {
          out[ra + b] += wa * phi[rs + b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        out[b * p + a] = out[a * p + b];
      }
    }
  }

  @Override
  protected void weightedTransposeTimesK(double[] w, double[] phi, int n, int p, double[] f,
      double[] out) {
    java.util.Arrays.fill(out, 0, p, 0.0);
    for (int s = 0; s < n; s++) {
      double wf = w[s] * f[s];
      int rs = s * p;
      for (int j = 0; j < p; j++) {
        out[j] += wf * phi[rs + j];
      }
    }
  }
}
