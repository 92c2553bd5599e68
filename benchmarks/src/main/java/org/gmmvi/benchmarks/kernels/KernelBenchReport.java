package org.gmmvi.benchmarks.kernels;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command-line arguments and then prints the kernel results as a Markdown
 * table with GFLOP/s, using the flop counts stated in each benchmark's Javadoc:
 *
 * <pre>
 *   MixtureBenchmark.logDensity        N·K·D²
 *   MixtureBenchmark.score             2·N·K·D²      (not for backend ejml)
 *   CholeskyBenchmark.factorAll        10·n³/3
 *   TriangularSolveBenchmark.solve     m·n²
 *   NgBenchmark.weightedOuter          2·N·D²
 *   NgBenchmark.weightedGram           N·P²
 * </pre>
 *
 * <p>"min" and "median" are over the primary result's samples: per invocation in sample-time mode
 * ({@code -bm sample}, recommended on a shared machine, where time slicing inflates the mean),
 * per iteration in average-time mode. GFLOP/s (min) is the best case, GFLOP/s (score) the mean.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
 * -cp benchmarks/target/benchmarks.jar org.gmmvi.benchmarks.kernels.KernelBenchReport
 * 'MixtureBenchmark' -f 1 -wi 3 -i 5}. Scores must be in a time-per-operation mode.
 */
public final class KernelBenchReport {

  private KernelBenchReport() {}

  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    System.out.println();
    System.out.println("| benchmark | params | score | ± | min | median | GFLOP/s (score) | GFLOP/s (min) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      Result<?> primary = r.getPrimaryResult();
      String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.',
          p.getBenchmark().lastIndexOf('.') - 1) + 1);
      double toNanos = nanosPerUnit(p.getTimeUnit());
      double flops = flops(name, p);
      double min = primary.getStatistics().getMin();
      double median = primary.getStatistics().getPercentile(50);
      StringBuilder params = new StringBuilder();
      for (String key : p.getParamsKeys()) {
        params.append(key).append('=').append(p.getParam(key)).append(' ');
      }
      System.out.printf(Locale.ROOT, "| %s | %s| %.1f %s | %.1f | %.1f | %.1f | %s | %s |%n", name,
          params, primary.getScore(), primary.getScoreUnit(), primary.getScoreError(), min, median,
          gflops(flops, primary.getScore() * toNanos), gflops(flops, min * toNanos));
    }
  }

  private static String gflops(double flops, double nanos) {
    return flops > 0 ? String.format(Locale.ROOT, "%.2f", flops / nanos) : "-";
  }

  private static double nanosPerUnit(TimeUnit unit) {
    return unit.toNanos(1);
  }

  /** Flops of one operation, or 0 when no count applies (baselines, EJML score). */
  static double flops(String name, BenchmarkParams p) {
    return switch (name) {
      case "MixtureBenchmark.logDensity" -> num(p, "n") * num(p, "k") * sq(num(p, "d"));
      case "MixtureBenchmark.score" -> p.getParam("backend").equals(BenchData.EJML) ? 0
          : 2 * num(p, "n") * num(p, "k") * sq(num(p, "d"));
      case "CholeskyBenchmark.factorAll" -> CholeskyBenchmark.BATCH * Math.pow(num(p, "n"), 3)
          / 3.0;
      case "TriangularSolveBenchmark.solve" -> num(p, "m") * sq(num(p, "n"));
      case "NgBenchmark.weightedOuter" -> 2 * num(p, "n") * sq(num(p, "d"));
      case "NgBenchmark.weightedGram" -> num(p, "n") * sq(num(p, "d"));
      default -> 0;
    };
  }

  private static double num(BenchmarkParams p, String key) {
    return Double.parseDouble(p.getParam(key));
  }

  private static double sq(double v) {
    return v * v;
  }
}
