package org.gmmvi.benchmarks.problems;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.talos.TalosProblem;
import org.gmmvi.problems.talos.TalosTarget;
import org.gmmvi.problems.wine.WineFullBatchTarget;
import org.gmmvi.problems.wine.WineProblem;
import org.gmmvi.problems.wine.WineTarget;
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
 * Batched evaluation of the WINE (D=177) and TALOS (D=34) targets with gradients: one op evaluates
 * {@code n} samples (SAMTRON's per-iteration sample counts are 750 for WINE and 200 per component for
 * TALOS). The data directory is resolved as everywhere ({@link DataDirectory#resolve()}:
 * {@code GMMVI_DATA}, {@code -Dgmmvi.data.dir}, else {@code ../shared/data}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class WineTalosBenchmark {

  /** Samples per call. */
  @Param({"750"})
  public int n;

  /** Threads the mini-batch WINE target uses inside one call. */
  @Param({"1", "2"})
  public int threads;

  private WineTarget wine;
  private WineFullBatchTarget wineFull;
  private TalosTarget talos;
  private double[] wineX;
  private double[] talosX;
  private double[] value;
  private double[] wineGrad;
  private double[] talosGrad;

  @Setup(Level.Trial)
  public void setUp() {
    DataDirectory data = dataDir();
    WineProblem.Parts p = WineProblem.create(data, 10000L, threads);
    wine = p.target();
    wineFull = p.fullBatch();
    talos = TalosProblem.target(data, TalosProblem.defaultContext());
    SplittableRandom rnd = new SplittableRandom(1234);
    wineX = new double[n * 177];
    for (int i = 0; i < wineX.length; i++) {
      wineX[i] = rnd.nextGaussian();
    }
    talosX = new double[n * 34];
    for (int i = 0; i < talosX.length; i++) {
      talosX[i] = 0.3 * rnd.nextGaussian() + (i % 34 == 30 ? 1.08 : 0);
    }
    value = new double[n];
    wineGrad = new double[n * 177];
    talosGrad = new double[n * 34];
    // A wrong target must not produce a number: check a value is finite and the gradient non-zero.
    wine.evaluate(wineX, n, value, wineGrad);
    if (!Double.isFinite(value[0]) || wineGrad[0] == 0) {
      throw new IllegalStateException("WINE target returned " + value[0]);
    }
  }

  /** Mini-batch WINE, value and gradient of {@code n} samples. */
  @Benchmark
  public double wineMiniBatch() {
    wine.evaluate(wineX, n, value, wineGrad);
    return value[n - 1];
  }

  /** Full-batch WINE (all 2,938 rows), value and gradient of one sample. */
  @Benchmark
  public double wineFullBatchOneSample() {
    wineFull.evaluate(wineX, 1, value, wineGrad);
    return value[0];
  }

  /** TALOS, value and gradient of {@code n} samples (single thread). */
  @Benchmark
  public double talos() {
    talos.evaluate(talosX, n, value, talosGrad);
    return value[n - 1];
  }

  private static DataDirectory dataDir() {
    DataDirectory dir = DataDirectory.resolve();
    if (!dir.exists()) {
      throw new IllegalStateException("data directory not found: " + dir
          + " (set GMMVI_DATA or -Dgmmvi.data.dir)");
    }
    return dir;
  }
}
