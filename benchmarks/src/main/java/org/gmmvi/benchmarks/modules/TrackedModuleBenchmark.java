package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.sample.Selection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The module cases tracked by the performance-regression check ({@code ci/perf-subset.txt}): the
 * module benchmarks at the fixed dimension {@code D = 20} (JMH include regexes cannot restrict
 * {@code @Param} values, so these methods fix them). Each case is the corresponding parameterised
 * benchmark, set up (with its checks and prints) through its own {@code setUp()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackedModuleBenchmark {

  /** Dimension of the tracked cases. */
  public static final int D = 20;

  /** Stein estimate at D = 20. */
  @State(Scope.Thread)
  public static class Stein {
    SteinEstimateBenchmark b;

    @Setup(Level.Trial)
    public void setUp() {
      b = new SteinEstimateBenchmark();
      b.d = D;
      b.setUp();
    }
  }

  /** Trust-region component update at D = 20. */
  @State(Scope.Thread)
  public static class TrustRegion {
    TrustRegionUpdateBenchmark b;

    @Setup(Level.Trial)
    public void setUp() {
      b = new TrustRegionUpdateBenchmark();
      b.d = D;
      b.setUp();
    }
  }

  /** Component-based selection with reuse at D = 20. */
  @State(Scope.Thread)
  public static class Selector {
    SampleSelectionBenchmark b;

    @Setup(Level.Trial)
    public void setUp() {
      b = new SampleSelectionBenchmark();
      b.d = D;
      b.setUp();
    }

    @Setup(Level.Iteration)
    public void restore() {
      b.restore();
    }
  }

  @Benchmark
  public NgEstimate steinEstimateD20(Stein s) {
    return s.b.estimate();
  }

  @Benchmark
  public boolean[] trustRegionUpdateD20(TrustRegion s) {
    return s.b.update();
  }

  @Benchmark
  public Selection componentSelectionD20(Selector s) {
    return s.b.select();
  }
}
