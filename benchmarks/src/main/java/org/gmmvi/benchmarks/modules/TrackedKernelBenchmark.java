package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.benchmarks.iteration.FlopModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.KernelProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Two kernel calls with fixed sizes tracked by the performance-regression check (the full kernel
 * suite lives in {@code org.gmmvi.benchmarks.kernels}): the component log-densities of
 * {@code N = 2000} samples under {@code K = 10} full Gaussians in {@code D = 20}
 * ({@code N·K·D² = 8} MFLOP of triangular solves, the hottest kernel of every iteration), and the
 * Cholesky factorisation of an SPD {@code 100 × 100} matrix (copy included, {@code n³/3 ≈ 0.33}
 * MFLOP). Backend: {@link KernelProvider#get()} (printed). The setup checks the results (finite
 * densities; {@code L·Lᵀ} reproduces the matrix).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackedKernelBenchmark {

  private static final int N = 2000;
  private static final int K = 10;
  private static final int D = 20;
  private static final int C = 100;

  private final Kernels kernels = KernelProvider.get();
  private final double[] x = new double[N * D];
  private final double[] means = new double[K * D];
  private final double[] chols = new double[K * D * D];
  private final double[] out = new double[N * K];
  private final double[] spd = new double[C * C];
  private final double[] work = new double[C * C];

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(1));
    Rng rng = new Rng(10_000L);
    rng.fillGaussian(x, 0, x.length);
    rng.fillGaussian(means, 0, means.length);
    for (int o = 0; o < K; o++) {
      for (int i = 0; i < D; i++) {
        for (int j = 0; j < i; j++) {
          chols[o * D * D + i * D + j] = 0.1 * rng.nextGaussian();
        }
        chols[o * D * D + i * D + i] = 1.0 + rng.nextDouble();
      }
    }
    double[] a = new double[C * C];
    rng.fillGaussian(a, 0, a.length);
    for (int i = 0; i < C; i++) {
      for (int j = 0; j < C; j++) {
        double s = 0;
        for (int t = 0; t < C; t++) {
          s += a[i * C + t] * a[j * C + t];
        }
        spd[i * C + j] = s + (i == j ? C : 0.0);
      }
    }
    logDensitiesN2000K10D20();
    ModuleFixture.requireFinite(out, "component log-densities");
    if (!choleskyN100()) {
      throw new IllegalStateException("Cholesky of an SPD matrix failed");
    }
    for (int i = 0; i < C; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int t = 0; t <= j; t++) {
          s += work[i * C + t] * work[j * C + t];
        }
        if (Math.abs(s - spd[i * C + j]) > 1e-9 * Math.abs(spd[i * C + i])) {
          throw new IllegalStateException("L·Lᵀ differs from the matrix at (" + i + "," + j + ")");
        }
      }
    }
  }

  @Benchmark
  public double[] logDensitiesN2000K10D20() {
    kernels.mixture().componentLogDensities(x, N, D, means, chols, K, out);
    return out;
  }

  @Benchmark
  public boolean choleskyN100() {
    System.arraycopy(spd, 0, work, 0, spd.length);
    return kernels.dense().cholesky(work, 0, C);
  }
}
