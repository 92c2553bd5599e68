package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.benchmarks.iteration.FlopModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.ngestimate.SteinNgEstimator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stein natural-gradient estimate (S, ALGORITHM.md §2.1.1) of all {@value ModuleFixture#K}
 * components from the {@code N = 2000} samples of a warmed-up {@link ModuleFixture}, self-normalised
 * importance weights, all samples. The setup checks that every estimate is finite and prints the
 * backend, the threads (1) and the FLOP estimate of {@link ModuleFlops#stein}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SteinEstimateBenchmark {

  @Param({"2", "20", "100", "300"})
  public int d;

  private ModuleFixture f;
  private final SteinNgEstimator estimator = new SteinNgEstimator(false, true);

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(1));
    f = ModuleFixture.create(d, false);
    System.out.println(f.describe());
    ModuleFixture.requireFinite(estimate(), "Stein estimate D=" + d);
    System.out.println(ModuleFlops.line("stein", d, ModuleFlops.stein(f.batch.n(),
        f.model.numComponents(), d)));
  }

  @Benchmark
  public NgEstimate estimate() {
    return estimator.estimate(f.model, f.book, f.batch);
  }
}
