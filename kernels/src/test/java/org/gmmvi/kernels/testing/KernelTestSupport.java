package org.gmmvi.kernels.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared test helpers for kernel users (exported through the kernels test-jar): seeded random
 * matrices, named tolerances, size-scaled comparisons and the list of backends to test.
 *
 * <p>Random data comes from an explicit {@link SplittableRandom} with a seed the caller names, so
 * a failure can be reproduced from the message.
 */
public final class KernelTestSupport {

  /** Relative tolerance for closed-form reference values (ALGORITHM.md §5: 1e-8). */
  public static final double CLOSED_FORM = 1e-8;

  /** Base relative tolerance per unit of work for backend-vs-reference comparisons. */
  public static final double PER_OP = 4e-16;

  /** Every backend of the registry (the scalar reference included). */
  public static final List<String> BACKENDS = Backend.names();

  private KernelTestSupport() {}

  /** The backend names, for {@code @MethodSource}. */
  public static Stream<String> backendNames() {
    return BACKENDS.stream();
  }

  /** Creates a backend, or skips the test (JUnit assumption) if it cannot load here. */
  public static Kernels backendOrSkip(String name) {
    Assumptions.assumeTrue(KernelProvider.isAvailable(name),
        () -> "backend " + name + " is not available on this machine");
    return KernelProvider.create(name);
  }

  /**
   * Size-scaled tolerance: {@code PER_OP · work · 4}, floored at {@code 1e-13}. {@code work} is
   * the length of the longest dot product or recurrence behind one output element.
   */
  public static double tolerance(long work) {
    return Math.max(1e-13, PER_OP * 4.0 * work);
  }

  /** Uniform matrix with entries in {@code [−1, 1)}, {@code rows × cols} row-major. */
  public static double[] uniform(SplittableRandom rnd, int rows, int cols) {
    double[] a = new double[rows * cols];
    for (int i = 0; i < a.length; i++) {
      a[i] = 2.0 * rnd.nextDouble() - 1.0;
    }
    return a;
  }

  /** Standard deviations in {@code [0.5, 1.5)}, {@code k × d} (diagonal components). */
  public static double[] stds(SplittableRandom rnd, int k, int d) {
    double[] a = new double[k * d];
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.5 + rnd.nextDouble();
    }
    return a;
  }

  /**
   * A well-conditioned lower factor: strict lower entries in {@code [−1,1)/√n}, diagonal in
   * {@code [0.5, 1.5)} ({@code n × n}, row-major, strict upper triangle zero).
   */
  public static double[] lowerFactor(SplittableRandom rnd, int n) {
    double[] l = new double[n * n];
    double scale = 1.0 / Math.sqrt(Math.max(1, n));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        l[i * n + j] = (2.0 * rnd.nextDouble() - 1.0) * scale;
      }
      l[i * n + i] = 0.5 + rnd.nextDouble();
    }
    return l;
  }

  /** {@code K} stacked lower factors ({@code K × n × n}). */
  public static double[] lowerFactors(SplittableRandom rnd, int k, int n) {
    double[] all = new double[k * n * n];
    for (int c = 0; c < k; c++) {
      System.arraycopy(lowerFactor(rnd, n), 0, all, c * n * n, n * n);
    }
    return all;
  }

  /** A symmetric positive definite matrix {@code L Lᵀ} from {@link #lowerFactor}. */
  public static double[] spd(SplittableRandom rnd, int n) {
    double[] l = lowerFactor(rnd, n);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0.0;
        for (int k = 0; k <= Math.min(i, j); k++) {
          s += l[i * n + k] * l[j * n + k];
        }
        a[i * n + j] = s;
      }
    }
    return a;
  }

  /**
   * Asserts {@code |actual[i] − expected[i]| <= tol·(1 + |expected[i]|)} for {@code i < len};
   * infinities must match exactly, NaN must match NaN.
   */
  public static void assertClose(double[] expected, double[] actual, int len, double tol,
      String what) {
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      double e = expected[i];
      double a = actual[i];
      boolean ok = Double.isNaN(e) ? Double.isNaN(a)
          : Double.isInfinite(e) ? e == a
          : Math.abs(a - e) <= tol * (1.0 + Math.abs(e));
      if (!ok && bad.size() < 5) {
        bad.add("[" + i + "] expected " + e + " got " + a);
      }
    }
    if (!bad.isEmpty()) {
      fail(what + ": mismatch beyond tol " + tol + ": " + String.join(", ", bad));
    }
  }

  /** {@link #assertClose(double[], double[], int, double, String)} over the whole array. */
  public static void assertClose(double[] expected, double[] actual, double tol, String what) {
    if (expected.length != actual.length) {
      fail(what + ": length " + actual.length + " != expected " + expected.length);
    }
    assertClose(expected, actual, expected.length, tol, what);
  }
}
