package org.gmmvi.benchmarks.kernels;

import java.util.SplittableRandom;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;

/**
 * Fixed-seed benchmark inputs and the result check every benchmark runs once in {@code @Setup}: a
 * fast wrong kernel must not produce a number.
 */
final class BenchData {

  /** Seed of every benchmark's data (JMH sample 38 style). */
  static final long SEED = 1234L;

  /** Name used in the {@code backend} parameter for the EJML comparison. */
  static final String EJML = "ejml";

  private BenchData() {}

  /** The kernel backend for a {@code backend} parameter value, logging name and BLAS threads. */
  static Kernels kernels(String backend) {
    Kernels k = KernelProvider.create(backend);
    String threads = System.getProperty("gmmvi.kernels.blas.threads", "1");
    System.out.println("# kernels backend=" + k.name() + " blasThreads=" + threads
        + " javaThreads=1");
    return k;
  }

  static double[] uniform(SplittableRandom rnd, int len) {
    double[] a = new double[len];
    for (int i = 0; i < len; i++) {
      a[i] = 2.0 * rnd.nextDouble() - 1.0;
    }
    return a;
  }

  /** {@code k} well-conditioned lower factors of order {@code n} ({@code k × n × n}). */
  static double[] lowerFactors(SplittableRandom rnd, int k, int n) {
    double[] l = new double[k * n * n];
    double scale = 1.0 / Math.sqrt(n);
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          l[c * n * n + i * n + j] = (2.0 * rnd.nextDouble() - 1.0) * scale;
        }
        l[c * n * n + i * n + i] = 0.5 + rnd.nextDouble();
      }
    }
    return l;
  }

  /** {@code k} SPD matrices {@code L Lᵀ} of order {@code n} ({@code k × n × n}). */
  static double[] spdStack(SplittableRandom rnd, int k, int n) {
    double[] l = lowerFactors(rnd, k, n);
    double[] a = new double[k * n * n];
    for (int c = 0; c < k; c++) {
      int o = c * n * n;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0.0;
          for (int p = 0; p <= Math.min(i, j); p++) {
            s += l[o + i * n + p] * l[o + j * n + p];
          }
          a[o + i * n + j] = s;
        }
      }
    }
    return a;
  }

  /** The transpose of a row-major {@code rows × cols} matrix. */
  static double[] transpose(double[] a, int rows, int cols) {
    double[] t = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  /**
   * Throws unless {@code |got − expected| <= 1e-8·(1 + |expected|)} elementwise over the first
   * {@code len} entries.
   */
  static void check(String what, double[] expected, double[] got, int len) {
    for (int i = 0; i < len; i++) {
      double e = expected[i];
      if (!(Math.abs(got[i] - e) <= 1e-8 * (1.0 + Math.abs(e)))) {
        throw new IllegalStateException(what + ": wrong result at " + i + ": expected " + e
            + ", got " + got[i]);
      }
    }
  }
}
