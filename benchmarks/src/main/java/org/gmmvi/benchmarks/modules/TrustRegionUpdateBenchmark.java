package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.benchmarks.iteration.FlopModel;
import org.gmmvi.benchmarks.iteration.IterationFixture;
import org.gmmvi.core.componentupdate.TrustRegionComponentUpdater;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
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
 * Trust-region component update (T, ALGORITHM.md §2.4.3) of all {@value ModuleFixture#K}
 * components, including the bracketing search for {@code η} (warm start from each component's last
 * {@code η}), from the Stein estimate of a warmed-up {@link ModuleFixture}. Each operation updates a
 * fresh copy of the model and the bookkeeping ({@code O(K·D²)} copying, small against the
 * {@code O(K·n·D³)} search). The setup checks that the updated model is finite with positive-definite
 * factors (a rejected update keeps the old component, ALGORITHM.md §2.4; their number is printed),
 * counts the KL evaluations of the search per component and prints the FLOP estimate of
 * {@link ModuleFlops#trustRegion}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrustRegionUpdateBenchmark {

  @Param({"2", "20", "100", "300"})
  public int d;

  private ModuleFixture f;
  private NgEstimate estimate;
  private final TrustRegionComponentUpdater updater = new TrustRegionComponentUpdater(1e-12);

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(1));
    f = ModuleFixture.create(d, false);
    System.out.println(f.describe());
    estimate = new SteinNgEstimator(false, true).estimate(f.model, f.book, f.batch);
    long evaluations = 0;
    for (int o = 0; o < f.model.numComponents(); o++) {
      final int comp = o;
      long[] count = {0};
      TrustRegionComponentUpdater.search(f.book.lastEta(o), f.book.stepsize(o), eta -> {
        count[0]++;
        return updater.klAt(f.model, estimate, comp, eta);
      }, null);
      evaluations += count[0] + 1;
    }
    GmmModel m = f.model.copy();
    boolean[] ok = updater.apply(m, f.book.copy(), estimate, 1.0);
    int failed = 0;
    for (boolean b : ok) {
      failed += b ? 0 : 1;
    }
    IterationFixture.checkModel(m, "trust-region update D=" + d);
    System.out.println("# trust-region search: " + evaluations + " KL evaluations (incl. the "
        + "final update) for " + ok.length + " components; rejected updates (old component kept,"
        + " §2.4): " + failed);
    System.out.println(ModuleFlops.line("trust-region", d, ModuleFlops.trustRegion(evaluations,
        d)));
  }

  @Benchmark
  public boolean[] update() {
    GmmModel m = f.model.copy();
    ComponentBookkeeping b = f.book.copy();
    return updater.apply(m, b, estimate, 1.0);
  }
}
