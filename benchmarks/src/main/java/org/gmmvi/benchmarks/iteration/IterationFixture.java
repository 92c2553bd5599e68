package org.gmmvi.benchmarks.iteration;

import java.util.Locale;
import java.util.Map;
import org.gmmvi.core.config.NgEstimatorType;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.GmmviOptimizer;
import org.gmmvi.core.optimizer.IterationRecord;
import org.gmmvi.core.optimizer.OptimizerState;
import org.gmmvi.core.target.Target;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.config.ExperimentConfigs;
import org.gmmvi.problems.io.DataDirectory;

/**
 * A warmed-up optimizer for one problem and codeword, as the whole-iteration benchmarks and
 * {@link ProfileIteration} use it: the problem's Experiment-3 configuration from the registry
 * ({@link ExperimentConfigs#config}), the target and the optimizer for run seed {@value #SEED}, and
 * {@code warmup} iterations run before anything is measured. {@link #reset()} returns to the state
 * right after the warm-up (a saved {@link OptimizerState}), so that every measurement window starts
 * from the same state even though the model and the database change with every step.
 *
 * <p>Counts what the measured steps did ({@link #record}): iterations, nanoseconds, target
 * evaluations and estimated FLOP ({@link FlopModel}).
 */
public final class IterationFixture implements AutoCloseable {

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Run seed of every benchmark (the first Experiment-3 seed). */
  public static final long SEED = 10_000L;

  private final String problemName;
  private final String codeword;
  private final int threads;
  private final Map<String, Object> config;
  private final Target target;
  private final boolean gradients;
  private final OptimizerState warmState;
  private GmmviOptimizer optimizer;

  private long steps;
  private long nanos;
  private long cpuNanos;
  private long evaluations;
  private double flops;
  private final long[] phaseNanos = new long[5];

  private IterationFixture(String problemName, String codeword, int threads,
      Map<String, Object> config, Target target, GmmviOptimizer optimizer) {
    this.problemName = problemName;
    this.codeword = codeword;
    this.threads = threads;
    this.config = config;
    this.target = target;
    this.optimizer = optimizer;
    this.gradients = optimizer.config().codeword().ngEstimator() == NgEstimatorType.STEIN;
    this.warmState = optimizer.saveState();
  }

  /**
   * Builds the optimizer of {@code codeword} on {@code problem} and runs {@code warmup} iterations.
   *
   * @param problemAndCodeword {@code "CODEWORD:problem"}, e.g. {@code "SAMTRON:breast_cancer"}
   */
  public static IterationFixture create(String problemAndCodeword, int threads, int warmup) {
    String[] parts = problemAndCodeword.split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected CODEWORD:problem (e.g. SAMTRON:gmm20), got '"
          + problemAndCodeword + "'");
    }
    String cw = parts[0];
    Problem problem = Problems.get(parts[1]);
    DataDirectory data = DataDirectory.resolve();
    Map<String, Object> cfg = ExperimentConfigs.config(problem, cw, data);
    Target t = problem.create(SEED, data);
    GmmviOptimizer opt = GmmviOptimizer.builder().codeword(cw).config(cfg).target(t).seed(SEED)
        .threads(threads).build();
    for (int i = 0; i < warmup; i++) {
      opt.step();
    }
    checkModel(opt.model(), problemAndCodeword + " after " + warmup + " warm-up iterations");
    return new IterationFixture(problem.name(), cw, threads, cfg, t, opt);
  }

  /**
   * Runs {@code steps} iterations only to let the JIT compile every code path (the Vector API
   * kernels are dozens of times slower before C2 has compiled them, which takes seconds on a busy
   * machine), restarting from the warmed-up state every 10 steps; then restores that state and
   * clears the counters. Nothing of this is measured.
   */
  public void jitWarmup(int steps) {
    for (int i = 0; i < steps; i++) {
      if (i % 10 == 0) {
        reset();
      }
      step();
    }
    reset();
    clearCounters();
  }

  /** Restores the state right after the warm-up (the counters keep running). */
  public void reset() {
    optimizer.close();
    optimizer = GmmviOptimizer.builder().codeword(codeword).config(config).target(target)
        .seed(SEED).threads(threads).resume(warmState).build();
  }

  /** One measured iteration. */
  public IterationRecord step() {
    long before = optimizer.numTargetEvaluations();
    long c0 = CPU.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    IterationRecord r = optimizer.step();
    nanos += System.nanoTime() - t0;
    cpuNanos += CPU.getCurrentThreadCpuTime() - c0;
    steps++;
    evaluations += optimizer.numTargetEvaluations() - before;
    flops += FlopModel.iterationFlops(r, target, gradients);
    phaseNanos[0] += r.nanosSelect();
    phaseNanos[1] += r.nanosEstimate();
    phaseNanos[2] += r.nanosComponentUpdate();
    phaseNanos[3] += r.nanosWeightUpdate();
    phaseNanos[4] += r.nanosAdaptation();
    return r;
  }

  /** The optimizer (live). */
  public GmmviOptimizer optimizer() {
    return optimizer;
  }

  /** Clears the counters of {@link #record}. */
  public void clearCounters() {
    steps = 0;
    nanos = 0;
    cpuNanos = 0;
    evaluations = 0;
    flops = 0;
    java.util.Arrays.fill(phaseNanos, 0);
  }

  /**
   * One summary line: ms per iteration (wall clock, and CPU time of the calling thread, which
   * excludes time spent waiting for a core on a busy machine and target evaluations on pool
   * threads), evaluations per second, estimated GFLOP per iteration,
   * GFLOP/s and fraction of the 2-core and 1-core peak, and the share of each phase.
   */
  public String record() {
    if (steps == 0) {
      return "# iteration " + codeword + ":" + problemName + ": no steps";
    }
    double ms = nanos / 1e6 / steps;
    double gflopIter = flops / 1e9 / steps;
    double gflops = flops / nanos;
    double total = Math.max(1, phaseNanos[0] + phaseNanos[1] + phaseNanos[2] + phaseNanos[3]
        + phaseNanos[4]);
    return String.format(Locale.ROOT, "# iteration %s:%s: steps=%d, %.3f ms/iter (CPU of the "
        + "calling thread %.3f ms/iter), K=%d, "
        + "evals/iter=%.1f, evals/s=%.0f, est. GFLOP/iter=%.4f, GFLOP/s=%.2f, "
        + "peak fraction 2 cores=%.4f, 1 core=%.4f; phases select=%.0f%% estimate=%.0f%% "
        + "components=%.0f%% weights=%.0f%% adaptation=%.0f%%",
        codeword, problemName, steps, ms, cpuNanos / 1e6 / steps,
        optimizer.model().numComponents(),
        evaluations / (double) steps, evaluations / (nanos / 1e9), gflopIter, gflops,
        gflops / FlopModel.PEAK_TWO_CORES_GFLOPS, gflops / FlopModel.PEAK_ONE_CORE_GFLOPS,
        100 * phaseNanos[0] / total, 100 * phaseNanos[1] / total, 100 * phaseNanos[2] / total,
        100 * phaseNanos[3] / total, 100 * phaseNanos[4] / total);
  }

  /**
   * Checks that the model is usable: finite log-weights and means, positive finite diagonals of
   * the Cholesky factors (so every covariance is positive definite).
   *
   * @throws IllegalStateException naming the broken component otherwise
   */
  public static void checkModel(GmmModel m, String where) {
    int d = m.dimension();
    int per = m.factorSize();
    for (int o = 0; o < m.numComponents(); o++) {
      if (!Double.isFinite(m.logWeight(o))) {
        throw new IllegalStateException(where + ": log-weight of component " + o + " is "
            + m.logWeight(o));
      }
      for (int j = 0; j < d; j++) {
        double mu = m.meansArray()[o * d + j];
        double diag = m.isDiagonal() ? m.cholsArray()[o * per + j]
            : m.cholsArray()[o * per + j * d + j];
        if (!Double.isFinite(mu) || !(diag > 0) || !Double.isFinite(diag)) {
          throw new IllegalStateException(where + ": component " + o + " has mean[" + j + "]="
              + mu + ", chol[" + j + "," + j + "]=" + diag + " (not finite / not PD)");
        }
      }
    }
  }

  @Override
  public void close() {
    optimizer.close();
  }
}
