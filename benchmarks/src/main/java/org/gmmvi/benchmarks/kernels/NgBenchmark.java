package org.gmmvi.benchmarks.kernels;

import java.util.SplittableRandom;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.NgKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The estimators' weighted sums over {@code N} samples: Stein's outer product
 * {@code Σ wₙ gₙ hₙᵀ} ({@code D × D}, {@code 2·N·D²} flops) and MORE's Gram matrix
 * {@code Φᵀ diag(w) Φ} ({@code P × P}, about {@code N·P²} flops since only one triangle is
 * computed). {@code d} is used as {@code D} for the outer product and as {@code P} for the Gram
 * matrix ({@code P = D(D+1)/2 + D + 1}: 21 for D = 5, 66 for D = 10, 231 for D = 20).
 */
public class NgBenchmark extends KernelBenchmarkBase {

  @Param({"scalar", "panama", "openblas", "auto"})
  public String backend;

  @Param({"2000"})
  public int n;

  @Param({"2", "7", "20", "21", "66", "231"})
  public int d;

  private NgKernels ng;
  private double[] w;
  private double[] g;
  private double[] h;
  private double[] out;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(BenchData.SEED);
    w = BenchData.uniform(rnd, n);
    g = BenchData.uniform(rnd, n * d);
    h = BenchData.uniform(rnd, n * d);
    out = new double[d * d];
    ng = BenchData.kernels(backend).ng();
    NgKernels ref = KernelProvider.create("scalar").ng();
    double[] expected = new double[d * d];
    ref.weightedOuter(w, g, h, n, d, expected);
    BenchData.check(backend + " weightedOuter", expected, weightedOuter(), d * d);
    ref.weightedGram(w, g, n, d, expected);
    BenchData.check(backend + " weightedGram", expected, weightedGram(), d * d);
  }

  /** {@code 2·N·D²} flops. */
  @Benchmark
  public double[] weightedOuter() {
    ng.weightedOuter(w, g, h, n, d, out);
    return out;
  }

  /** About {@code N·P²} flops. */
  @Benchmark
  public double[] weightedGram() {
    ng.weightedGram(w, g, n, d, out);
    return out;
  }
}
