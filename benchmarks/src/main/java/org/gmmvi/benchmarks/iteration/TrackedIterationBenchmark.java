package org.gmmvi.benchmarks.iteration;

import java.util.concurrent.TimeUnit;
import org.gmmvi.core.optimizer.IterationRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole-iteration cases tracked by the performance-regression check ({@code ci/perf-subset.txt}):
 * fixed cases of {@link IterationBenchmark} with one target-evaluation thread (less sensitive to
 * other processes on the shared machine than two), so that JMH's include regex selects exactly them.
 * Same warm-up and restart policy as {@link IterationBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrackedIterationBenchmark {

  /** SAMTRON on breast_cancer (Stein, trust region, component-based selection, D = 31). */
  @State(Scope.Thread)
  public static class BreastCancerSamtron extends Case {
    @Setup(Level.Trial)
    public void setUp() {
      open("SAMTRON:breast_cancer");
    }
  }

  /** SEPYFUX on stm300 (iBayes-GMM comparison setting: 20 components, 200 samples, D = 300). */
  @State(Scope.Thread)
  public static class Stm300Sepyfux extends Case {
    @Setup(Level.Trial)
    public void setUp() {
      open("SEPYFUX:stm300");
    }
  }

  @Benchmark
  public IterationRecord samtronBreastCancer(BreastCancerSamtron c) {
    return c.fixture.step();
  }

  @Benchmark
  public IterationRecord sepyfuxStm300(Stm300Sepyfux c) {
    return c.fixture.step();
  }

  /** A fixed case: warmed-up fixture, restarted every measurement iteration. */
  public abstract static class Case {
    IterationFixture fixture;
    String run;

    void open(String r) {
      run = r;
      System.out.println(FlopModel.environmentLine(1));
      fixture = IterationFixture.create(r, 1, IterationBenchmark.WARMUP);
      fixture.jitWarmup(IterationBenchmark.JIT_WARMUP);
    }

    @Setup(Level.Iteration)
    public void restart() {
      fixture.reset();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      IterationFixture.checkModel(fixture.optimizer().model(), run + " after the measured steps");
      System.out.println(fixture.record());
      fixture.close();
    }
  }
}
