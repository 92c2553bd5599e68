package org.gmmvi.benchmarks.iteration;

import java.util.concurrent.TimeUnit;
import org.gmmvi.core.optimizer.IterationRecord;
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
 * Whole GMMVI iterations ({@code GmmviOptimizer.step()}, ALGORITHM.md §1.6) of four codewords on
 * four problems, with the problems' Experiment-3 configurations from the registry, run seed 10000,
 * and {@value #WARMUP} iterations run in the trial setup (then {@value #JIT_WARMUP} more
 * iterations from that state, discarded, for the JIT). Every measurement iteration restarts from
 * that warmed-up state ({@link IterationFixture#reset()}), so the measured steps see the same model,
 * database and step sizes in every window.
 *
 * <p>Primary score: time per iteration. The trial teardown prints one line per case (see
 * {@link IterationFixture#record()}): ms per iteration, target evaluations per iteration and per
 * second, the estimated FLOP per iteration of {@link FlopModel}
 * ({@code F = 2·N·K·D² + N_new·f_target}) and the fraction of the 2-core (78 GFLOP/s) and 1-core
 * (39 GFLOP/s) peak, and each phase's share of the time. The kernel backend and the number of
 * target-evaluation threads are printed in the setup.
 *
 * <p>ZAMTRUX on stm300 is left out: MORE at {@code D = 300} needs {@code P = 45,451} features, a
 * {@code P × P} system of 16.5 GB per component (the paper did not run it either, PROBLEMS.md §3.4).
 * {@code SEPYFUX:stm300} is the setting of the paper's iBayes-GMM comparison (20 components, 200
 * samples per iteration, weights frozen; PROBLEMS.md §3.4): goal ≤ 40 ms per iteration on this
 * machine (reported, not asserted).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class IterationBenchmark {

  /** Optimizer iterations run before measuring. */
  public static final int WARMUP = 10;

  /**
   * Further iterations run (and discarded: the state is restored) before measuring, so that the JIT
   * has compiled the kernels (see {@link IterationFixture#jitWarmup}).
   */
  public static final int JIT_WARMUP = 30;

  /** {@code CODEWORD:problem}. */
  @Param({"SAMTRON:gmm20", "SAMYRON:gmm20", "SEPYFUX:gmm20", "ZAMTRUX:gmm20",
      "SAMTRON:breast_cancer", "SAMYRON:breast_cancer", "SEPYFUX:breast_cancer",
      "ZAMTRUX:breast_cancer",
      "SAMTRON:planar_robot_4", "SAMYRON:planar_robot_4", "SEPYFUX:planar_robot_4",
      "ZAMTRUX:planar_robot_4",
      "SAMTRON:stm300", "SAMYRON:stm300", "SEPYFUX:stm300"})
  public String run;

  /** Target-evaluation threads of the optimizer. */
  @Param({"2"})
  public int threads;

  private IterationFixture fixture;

  @Setup(Level.Trial)
  public void setUp() {
    System.out.println(FlopModel.environmentLine(threads));
    fixture = IterationFixture.create(run, threads, WARMUP);
    fixture.jitWarmup(JIT_WARMUP);
  }

  @Setup(Level.Iteration)
  public void restart() {
    fixture.reset();
  }

  @Benchmark
  public IterationRecord step() {
    return fixture.step();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    IterationFixture.checkModel(fixture.optimizer().model(), run + " after the measured steps");
    System.out.println(fixture.record());
    fixture.close();
  }
}
