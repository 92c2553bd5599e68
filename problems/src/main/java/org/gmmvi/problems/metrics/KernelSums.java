package org.gmmvi.problems.metrics;

import java.util.logging.Logger;

/**
 * The hot loop of {@link Mmd}: {@code Σ_{j∈[from,to)} exp(−‖a − g_j‖²)} for one row {@code a}
 * against rows {@code g_j} stored transposed ({@code gT[k*n + j]}, {@code D × n}). Uses the Vector
 * API ({@link VectorKernelSums}) when the incubator module {@code jdk.incubator.vector} is present
 * at run time (the project's launchers and surefire add it), otherwise a scalar loop with the same
 * arithmetic per pair. The choice is made once (after a self-check against the scalar loop) and
 * can be forced to scalar with {@code -Dgmmvi.mmd.vector=false}.
 */
final class KernelSums {

  private static final Logger LOG = Logger.getLogger(KernelSums.class.getName());

  private KernelSums() {}

  /** Whether the vectorised implementation is in use. */
  static final boolean VECTOR = chooseVector();

  private static boolean chooseVector() {
    if (!Boolean.parseBoolean(System.getProperty("gmmvi.mmd.vector", "true"))) {
      return false;
    }
    try {
      int n = 37;
      int d = 3;
      double[] gT = new double[n * d];
      for (int i = 0; i < gT.length; i++) {
        gT[i] = Math.sin(0.7 * i);
      }
      double[] a = {0.1, -0.2, 0.3};
      double v = VectorKernelSums.rowSum(a, 0, gT, n, 1, n, d);
      double s = scalarRowSum(a, 0, gT, n, 1, n, d);
      return Math.abs(v - s) <= 1e-13 * s;
    } catch (Throwable t) {
      LOG.fine(() -> "MMD uses the scalar kernel loop: " + t);
      return false;
    }
  }

  /** {@code Σ_{j∈[from,to)} exp(−‖a[aOff..aOff+d) − g_j‖²)}. */
  static double rowSum(double[] a, int aOff, double[] gT, int n, int from, int to, int d) {
    return VECTOR ? VectorKernelSums.rowSum(a, aOff, gT, n, from, to, d)
        : scalarRowSum(a, aOff, gT, n, from, to, d);
  }

  static double scalarRowSum(double[] a, int aOff, double[] gT, int n, int from, int to, int d) {
    double s = 0.0;
    for (int j = from; j < to; j++) {
      s += Math.exp(-squaredDistanceTransposed(a, aOff, gT, n, j, d));
    }
    return s;
  }

  /** {@code ‖a − g_j‖²} with {@code g_j} stored transposed. */
  static double squaredDistanceTransposed(double[] a, int aOff, double[] gT, int n, int j, int d) {
    double q = 0.0;
    for (int k = 0; k < d; k++) {
      double t = gT[k * n + j] - a[aOff + k];
      q = Math.fma(t, t, q);
    }
    return q;
  }
}
