package org.gmmvi.benchmarks.modules;

import java.util.concurrent.TimeUnit;
import org.gmmvi.benchmarks.iteration.FlopModel;
import org.gmmvi.core.weightupdate.DirectWeightUpdater;
import org.gmmvi.core.weightupdate.TrustRegionWeightUpdater;
import org.gmmvi.core.weightupdate.WeightUpdater;
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
 * Weight update (ALGORITHM.md §2.6) of a warmed-up {@link ModuleFixture}: {@code U} (direct step,
 * {@code β = 0.1}) or {@code O} (trust region, KL bound {@code ε = 0.1}), self-normalised importance
 * weights, on the {@code N = 2000} batch. Each operation starts from the same log-weights (restored
 * before the update, {@code O(K)}). The setup checks that the new weights are finite and normalised.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WeightUpdateBenchmark {

  @Param({"2", "20", "100", "300"})
  public int d;

  /** {@code U} (direct) or {@code O} (trust region). */
  @Param({"U", "O"})
  public String type;

  private ModuleFixture f;
  private WeightUpdater updater;
  private double[] logWeights;

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(1));
    f = ModuleFixture.create(d, false);
    System.out.println(f.describe());
    updater = switch (type) {
      case "U" -> new DirectWeightUpdater(true);
      case "O" -> new TrustRegionWeightUpdater(true);
      default -> throw new IllegalArgumentException("type must be U or O, got '" + type + "'");
    };
    logWeights = f.model.logWeights();
    update();
    double[] w = f.model.weights();
    ModuleFixture.requireFinite(w, "weights after update " + type);
    double s = 0;
    for (double v : w) {
      s += v;
    }
    if (Math.abs(s - 1.0) > 1e-9) {
      throw new IllegalStateException("weights after update " + type + " sum to " + s);
    }
    System.out.println(ModuleFlops.line("weights-" + type, d, ModuleFlops.weights(f.batch.n(),
        f.model.numComponents(), d)));
  }

  @Benchmark
  public double update() {
    f.model.setLogWeights(logWeights);
    updater.update(f.model, f.book, f.batch, 0.1, 1.0);
    return f.model.logWeight(0);
  }
}
