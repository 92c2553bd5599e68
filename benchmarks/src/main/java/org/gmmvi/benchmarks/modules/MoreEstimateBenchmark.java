package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.benchmarks.iteration.FlopModel;
import org.gmmvi.core.ngestimate.MoreNgEstimator;
import org.gmmvi.core.ngestimate.NgEstimate;
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
 * MORE natural-gradient estimate (Z, ALGORITHM.md §2.1.2) of all {@value ModuleFixture#K} components
 * from the {@code N = 2000} samples of a warmed-up {@link ModuleFixture} (codeword ZEMTRON).
 *
 * <p>Only {@code D ∈ {2, 20}}: the regression has {@code P = D(D+1)/2 + D + 1} features, so
 * {@code D = 100} means {@code P = 5,151}, a {@code 2·N·P² ≈ 106} GFLOP Gram matrix plus a
 * {@code P³/3 ≈ 46} GFLOP Cholesky per component (minutes per estimate for 10 components), and
 * {@code D = 300} means {@code P = 45,451}: the {@code P × P} system alone is 16.5 GB per component.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MoreEstimateBenchmark {

  @Param({"2", "20"})
  public int d;

  private ModuleFixture f;
  private final MoreNgEstimator estimator = new MoreNgEstimator(false, true, 1e-12);

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(1));
    f = ModuleFixture.create(d, true);
    System.out.println(f.describe());
    ModuleFixture.requireFinite(estimate(), "MORE estimate D=" + d);
    System.out.println(ModuleFlops.line("more", d, ModuleFlops.more(f.batch.n(),
        f.model.numComponents(), d)));
  }

  @Benchmark
  public NgEstimate estimate() {
    return estimator.estimate(f.model, f.book, f.batch);
  }
}
