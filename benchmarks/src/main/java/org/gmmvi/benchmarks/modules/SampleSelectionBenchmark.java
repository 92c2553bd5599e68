package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.benchmarks.iteration.FlopModel;
import org.gmmvi.core.optimizer.TargetEvaluator;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.ComponentBasedSampleSelector;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.core.sample.Selection;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Component-based sample selection with database reuse (M, ALGORITHM.md §2.3.1) on the filled
 * database of a warmed-up {@link ModuleFixture}: {@code n_des = 100}, {@code ρ = 1} (1000 reused
 * samples), effective sample sizes of the reused window, drawing the missing samples, evaluating
 * them on the GMM target (value and gradient, 1 thread), storing them and building the returned
 * window with its background densities. The database is restored from a snapshot before every
 * measurement iteration (it grows by every selection; thinning at 20,000 samples). The setup
 * checks the returned batch (finite background densities and target values).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SampleSelectionBenchmark {

  @Param({"2", "20", "100", "300"})
  public int d;

  private ModuleFixture f;
  private SampleDatabase.Snapshot snapshot;
  private ComponentBasedSampleSelector selector;
  private TargetEvaluator evaluator;
  private final Rng rng = new Rng(10_000L);

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(1));
    f = ModuleFixture.create(d, false);
    System.out.println(f.describe());
    snapshot = f.db.snapshot();
    selector = new ComponentBasedSampleSelector(f.optimizer.config().sampleSelector());
    evaluator = new TargetEvaluator(f.target, 1, true);
    Selection s = select();
    ModuleFixture.requireFinite(java.util.Arrays.copyOf(s.batch().logQbg(), s.batch().n()),
        "background log-densities");
    ModuleFixture.requireFinite(java.util.Arrays.copyOf(s.batch().logP(), s.batch().n()),
        "target log-densities");
    System.out.println("# selection: reused " + s.numReused() + ", new " + s.numNewSamples());
    System.out.println(ModuleFlops.line("selection", d, ModuleFlops.selection(s.numReused(),
        s.numNewSamples(), f.model.numComponents(), d,
        FlopModel.targetFlopsPerEvaluation(f.target, true))));
  }

  @Setup(Level.Iteration)
  public void restore() {
    f.db.restore(snapshot);
  }

  @Benchmark
  public Selection select() {
    return selector.select(f.model, f.db, evaluator, rng);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    evaluator.close();
    f.optimizer.close();
  }
}
