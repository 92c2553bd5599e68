package org.gmmvi.benchmarks.calibration;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine-speed yardstick of the performance-regression check ({@code ci/perf-check.sh}): a
 * fixed plain-Java kernel that never changes with the project's code. Every tracked score is divided
 * by this benchmark's score from the same JVM session, so that a slower or busier machine does not
 * look like a regression.
 *
 * <p>The kernel is a naive {@code 96 × 96} double matrix product {@code C = A·B} (i-k-j loop order,
 * {@code 2·96³ ≈ 1.77 MFLOP}): floating-point bound, cache resident, like the project's kernels. Its
 * result is checked against a closed form once per trial: with {@code A[i][k] = i + 1} and
 * {@code B[k][j] = 1/(j + 1)}, {@code C[i][j] = 96·(i + 1)/(j + 1)}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CalibrationBenchmark {

  /** Matrix size of the yardstick; never change it (the baseline depends on it). */
  public static final int N = 96;

  private final double[] a = new double[N * N];
  private final double[] b = new double[N * N];
  private final double[] c = new double[N * N];

  @Setup(Level.Trial)
  public void setUp() {
    for (int i = 0; i < N; i++) {
      for (int k = 0; k < N; k++) {
        a[i * N + k] = i + 1;
        b[i * N + k] = 1.0 / (k + 1);
      }
    }
    multiply();
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        double expected = N * (i + 1.0) / (j + 1.0);
        if (Math.abs(c[i * N + j] - expected) > 1e-9 * expected) {
          throw new IllegalStateException("calibration kernel is wrong at (" + i + "," + j + "): "
              + c[i * N + j] + " != " + expected);
        }
      }
    }
  }

  /** One naive product; returns one entry so that the work cannot be eliminated. */
  @Benchmark
  public double matmul96() {
    multiply();
    return c[N * N - 1];
  }

  private void multiply() {
    java.util.Arrays.fill(c, 0.0);
    for (int i = 0; i < N; i++) {
      int ri = i * N;
      for (int k = 0; k < N; k++) {
        double aik = a[ri + k];
        int rk = k * N;
        for (int j = 0; j < N; j++) {
          c[ri + j] += aik * b[rk + j];
        }
      }
    }
  }
}
