package org.gmmvi.benchmarks.kernels;

import java.util.SplittableRandom;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.MixtureKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Batched mixture kernels, one thread: component log-densities of {@code N} samples under
 * {@code K} full-covariance components in {@code D} dimensions, and the mixture score.
 *
 * <p>Flops: log-densities {@code N·K·D²} (one forward substitution {@code L⁻¹(x−μ)} per sample
 * and component, {@code D(D+1)/2} multiply-adds); score {@code 2·N·K·D²} (a second, transposed
 * solve, or one product with {@code Λ}). {@link KernelBenchReport} prints GFLOP/s.
 *
 * <p>{@code backend = ejml}: EJML's {@code TriangularSolver_DDRM.solveL} on the transposed,
 * centred batch per component (the pure-Java library comparison; log-densities only).
 *
 * <p>JMH settings: {@link KernelBenchmarkBase}.
 */
public class MixtureBenchmark extends KernelBenchmarkBase {

  @Param({"scalar", "panama", "openblas", "auto", "ejml"})
  public String backend;

  @Param({"2000"})
  public int n;

  @Param({"10"})
  public int k;

  @Param({"20"})
  public int d;

  private MixtureKernels mixture;
  private double[] x;
  private double[] means;
  private double[] chols;
  private double[] logResp;
  private double[] out;
  private double[] score;
  private double[] centredT;
  private double[] factor;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(BenchData.SEED);
    x = BenchData.uniform(rnd, n * d);
    means = BenchData.uniform(rnd, k * d);
    chols = BenchData.lowerFactors(rnd, k, d);
    out = new double[n * k];
    score = new double[n * d];
    centredT = new double[d * n];
    factor = new double[d * d];
    MixtureKernels ref = KernelProvider.create("scalar").mixture();
    double[] expected = new double[n * k];
    ref.componentLogDensities(x, n, d, means, chols, k, expected);
    double[] mix = new double[n];
    ref.mixtureLogDensity(expected, new double[k], n, k, mix);
    logResp = new double[n * k];
    ref.logResponsibilities(expected, new double[k], mix, n, k, logResp);
    if (backend.equals(BenchData.EJML)) {
      BenchData.check("ejml log-density", expected, logDensityEjml(), n * k);
      return;
    }
    mixture = BenchData.kernels(backend).mixture();
    BenchData.check(backend + " log-density", expected, logDensity(), n * k);
    double[] expectedScore = new double[n * d];
    ref.mixtureScore(x, n, d, means, chols, k, logResp, expectedScore);
    BenchData.check(backend + " score", expectedScore, score(), n * d);
  }

  /** {@code N·K·D²} flops. */
  @Benchmark
  public double[] logDensity() {
    if (mixture == null) {
      return logDensityEjml();
    }
    mixture.componentLogDensities(x, n, d, means, chols, k, out);
    return out;
  }

  /** {@code 2·N·K·D²} flops. */
  @Benchmark
  public double[] score() {
    if (mixture == null) {
      // EJML has no score kernel; the ejml row of this method repeats the log-density.
      return logDensityEjml();
    }
    mixture.mixtureScore(x, n, d, means, chols, k, logResp, score);
    return score;
  }

  private double[] logDensityEjml() {
    for (int c = 0; c < k; c++) {
      for (int s = 0; s < n; s++) {
        for (int i = 0; i < d; i++) {
          centredT[i * n + s] = x[s * d + i] - means[c * d + i];
        }
      }
      double[] l = factor;
      System.arraycopy(chols, c * d * d, l, 0, d * d);
      TriangularSolver_DDRM.solveL(l, centredT, d, n);
      double norm = -0.5 * d * Math.log(2 * Math.PI);
      for (int i = 0; i < d; i++) {
        norm -= Math.log(l[i * d + i]);
      }
      for (int s = 0; s < n; s++) {
        out[s * k + c] = norm;
      }
      for (int i = 0; i < d; i++) {
        for (int s = 0; s < n; s++) {
          double z = centredT[i * n + s];
          out[s * k + c] -= 0.5 * z * z;
        }
      }
    }
    return out;
  }
}
