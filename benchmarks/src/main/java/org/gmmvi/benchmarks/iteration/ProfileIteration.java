package org.gmmvi.benchmarks.iteration;

import java.util.Locale;

/**
 * A small driver for profiling whole iterations outside JMH (e.g. with Java Flight Recorder):
 * builds the warmed-up optimizer of {@link IterationFixture}, then runs and times {@code iterations}
 * steps and prints {@link IterationFixture#record()} (ms per iteration, evaluations per second,
 * estimated GFLOP/s, fraction of peak, share of each phase of the iteration).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   -XX:StartFlightRecording=filename=target/perf/samtron-bc.jfr,settings=profile \
 *   -cp benchmarks/target/benchmarks.jar org.gmmvi.benchmarks.iteration.ProfileIteration \
 *   SAMTRON:breast_cancer 20 300 2
 * jfr print --events jdk.ExecutionSample target/perf/samtron-bc.jfr
 * </pre>
 * Arguments: {@code CODEWORD:problem [warmup=20] [iterations=200] [threads=available]}.
 */
public final class ProfileIteration {

  private ProfileIteration() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 4) {
      System.err.println("usage: ProfileIteration CODEWORD:problem [warmup] [iterations] [threads]");
      System.exit(2);
    }
    int warmup = args.length > 1 ? positive(args[1], "warmup", true) : 20;
    int iterations = args.length > 2 ? positive(args[2], "iterations", false) : 200;
    int threads = args.length > 3 ? positive(args[3], "threads", false)
        : Runtime.getRuntime().availableProcessors();
    System.out.println(FlopModel.environmentLine(threads));
    long t0 = System.nanoTime();
    try (IterationFixture f = IterationFixture.create(args[0], threads, warmup)) {
      System.out.printf(Locale.ROOT, "# setup and %d warm-up iterations: %.1f s%n", warmup,
          (System.nanoTime() - t0) / 1e9);
      for (int i = 0; i < iterations; i++) {
        f.step();
      }
      IterationFixture.checkModel(f.optimizer().model(), args[0] + " after the measured steps");
      System.out.println(f.record());
    }
  }

  private static int positive(String s, String what, boolean zeroAllowed) {
    try {
      int v = Integer.parseInt(s);
      if (v > 0 || (zeroAllowed && v == 0)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + " must be a " + (zeroAllowed ? "non-negative"
        : "positive") + " integer, got '" + s + "'");
  }
}
