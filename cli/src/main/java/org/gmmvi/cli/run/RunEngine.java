package org.gmmvi.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.core.config.ConfigException;
import org.gmmvi.core.config.ConfigMaps;
import org.gmmvi.core.optimizer.GmmviOptimizer;
import org.gmmvi.core.optimizer.IterationRecord;
import org.gmmvi.core.optimizer.TargetEvaluationException;
import org.gmmvi.core.target.Target;

/**
 * Runs one codeword on one problem and writes the run directory: {@code metrics.csv},
 * {@code config.yml}, {@code run.json}, {@code checkpoint.bin}, {@code final.json},
 * {@code model.npz}, {@code model.json}, {@code neg_elbo_vs_evals.png},
 * {@code neg_elbo_vs_time.png}. Every file is replaced atomically.
 *
 * <p>This class is the loop; its parts are the {@link RunDirectory} (checks before the start,
 * {@code config.yml}, {@code run.json}), the {@link MetricsLogger} ({@code metrics.csv}, off the
 * optimizer's thread), the {@link CheckpointSchedule} (when to write {@code checkpoint.bin}),
 * {@link StopReason} (when to stop) and the {@link FinalReport} (model files, plots,
 * {@code final.json}).
 */
public final class RunEngine {

  /** Fresh samples per metric evaluation (PROBLEMS.md §3.3). */
  public static final int METRIC_SAMPLES = MetricsLogger.SAMPLES;

  private final RunSettings s;
  private final RunProblem problem;
  private final Progress progress;
  private final RunDirectory dir;

  private GmmviOptimizer opt;
  private MetricsLogger metrics;
  private FinalReport report;
  private double wallOffset;
  private long startNanos;
  private int startIteration;
  private long droppedTotal;
  private IterationRecord lastRecord;
  private String converged;
  private final StallDetector stall = new StallDetector();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);

  private RunEngine(RunSettings s, RunProblem problem, Progress progress) {
    this.s = s;
    this.problem = problem;
    this.progress = progress;
    this.dir = new RunDirectory(s.out());
  }

  /** Runs (or resumes) {@code problem} with {@code settings}. */
  public static RunOutcome run(RunSettings settings, RunProblem problem) throws IOException {
    return run(settings, problem, () -> { });
  }

  /**
   * As {@link #run(RunSettings, RunProblem)}; {@code onStart} runs once the run directory was
   * checked and the optimizer built (a resumed checkpoint belongs to this run and is readable),
   * before the first iteration.
   */
  public static RunOutcome run(RunSettings settings, RunProblem problem, Runnable onStart)
      throws IOException {
    Progress p = Progress.forStderr(settings.codeword() + " " + problem.name() + " s"
        + settings.seed()).quiet(settings.quiet());
    return new RunEngine(settings, problem, p).execute(onStart);
  }

  private RunOutcome execute(Runnable onStart) throws IOException {
    Checkpoint ckpt = dir.prepare(s, problem.name());
    Map<String, Object> algorithmConfig = mergedConfig();
    Map<String, Object> runner = ConfigFiles.runnerSection(algorithmConfig);
    int logInterval = ConfigFiles.positiveInt(runner, "log_metrics_interval",
        problem.defaultLogInterval());
    runner.put("log_metrics_interval", logInterval);
    algorithmConfig.put(ConfigFiles.RUNNER_SECTION, runner);

    Target target = instantiate().target();
    checkDimension(target);
    RunProblem.Instance evalInstance = instantiate();
    opt = build(algorithmConfig, target, ckpt);
    onStart.run();

    Map<String, Object> description = RunDirectory.describe(s, problem, logInterval);
    dir.writeStart(opt.config().toMap(), description);
    report = new FinalReport(s, problem, description, progress);

    if (ckpt != null) {
      Map<String, Object> r = ckpt.runner();
      wallOffset = ((Number) r.get("wall_seconds")).doubleValue();
      droppedTotal = ((Number) r.get("dropped_samples")).longValue();
      metrics = MetricsLogger.resume(dir.file("metrics.csv"), opt.iteration(),
          ((Number) r.get("last_logged_iteration")).intValue(), s.seed(), evalInstance);
      progress.message("resuming " + s.out() + " at iteration " + opt.iteration() + " ("
          + opt.numTargetEvaluations() + " target evaluations)");
    } else {
      metrics = MetricsLogger.create(dir.file("metrics.csv"), s.seed(), evalInstance);
    }
    startIteration = opt.iteration();
    startNanos = System.nanoTime();
    Thread hook = new Thread(this::onShutdown, "gmmvi-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return loop(logInterval);
    } finally {
      metrics.close();
      opt.close();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
      }
    }
  }

  /** Ctrl-C / SIGTERM: ask the loop to stop, wait until it has written its checkpoint. */
  private void onShutdown() {
    stopRequested.set(true);
    try {
      finished.await(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Object> mergedConfig() {
    Map<String, Object> c = problem.experimentConfig(s.codeword());
    for (Map<String, Object> layer : s.userConfigs()) {
      c = ConfigMaps.deepMerge(c, layer);
    }
    return ConfigMaps.deepCopy(c);
  }

  /** Instantiates the problem; missing data and bad problem settings are user errors. */
  private RunProblem.Instance instantiate() {
    try {
      return problem.instantiate(s.seed());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private void checkDimension(Target t) {
    if (t.dimension() != problem.dimension()) {
      throw new UsageException("target '" + problem.name() + "' reports dimension "
          + t.dimension() + " but the problem declares " + problem.dimension());
    }
  }

  private GmmviOptimizer build(Map<String, Object> config, Target target, Checkpoint ckpt) {
    try {
      var b = GmmviOptimizer.builder().codeword(s.codeword()).config(config)
          .target(target).seed(s.seed()).threads(s.threads());
      if (ckpt != null) {
        b.resume(ckpt.state());
      }
      return b.build();
    } catch (ConfigException e) {
      throw new UsageException("invalid configuration for " + s.codeword() + " on "
          + problem.name() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      if (ckpt != null) {
        throw new UsageException("cannot resume from " + dir.file(Checkpoint.FILE) + ": "
            + e.getMessage(), e);
      }
      throw new UsageException(e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ the loop

  private double wallSeconds() {
    return wallOffset + (System.nanoTime() - startNanos) * 1e-9;
  }

  private String stopReason() {
    return StopReason.of(s, opt.numTargetEvaluations(), opt.iteration(), wallSeconds(),
        stopRequested.get(), converged);
  }

  private RunOutcome loop(int logInterval) throws IOException {
    CheckpointSchedule schedule = new CheckpointSchedule(s.checkpointSeconds(),
        s.checkpointIterations(), wallSeconds(), opt.iteration());
    String reason;
    try {
      while ((reason = stopReason()) == null) {
        lastRecord = opt.step();
        droppedTotal += lastRecord.droppedSamples();
        String stalled = stall.observe(lastRecord);
        if (stalled != null) {
          progress.warning(stalled);
        }
        int it = opt.iteration();
        if (it % logInterval == 0) {
          scheduleMetrics();
          observeConvergence();
        }
        if (schedule.due(it, wallSeconds())) {
          double start = wallSeconds();
          checkpoint();
          schedule.written(it, start, wallSeconds());
        }
        progress.update(snapshot(), false);
        metrics.checkFailures();
      }
    } catch (RuntimeException | Error | IOException e) {
      return fail(e);
    }
    boolean keep = CheckpointSchedule.keeps(s.keepCheckpoint(), reason);
    try {
      if (metrics.lastLoggedIteration() != opt.iteration()) {
        scheduleMetrics();
      }
      metrics.flush();
      if (keep) {
        checkpoint();
      }
    } catch (RuntimeException | IOException | Error e) {
      // also OutOfMemoryError while serialising the final checkpoint: the copies are garbage
      // now, so the model files and final.json can still be written
      return fail(e);
    }
    progress.update(snapshot(), true);
    progress.finish();
    boolean interrupted = StopReason.INTERRUPTED.equals(reason);
    RunOutcome o = finish(interrupted ? RunStatus.INTERRUPTED : RunStatus.COMPLETED, reason,
        null, null);
    if (!keep && o.completed()) {
      Files.deleteIfExists(dir.file(Checkpoint.FILE));
    }
    if (interrupted) {
      System.err.println("gmmvi: interrupted at iteration " + o.iteration() + "; checkpoint and"
          + " results written to " + s.out() + "; continue with --resume");
    }
    return o;
  }

  /**
   * The opt-in convergence stop: waits for this iteration's metrics (so the decision does not
   * depend on thread timing) and feeds the estimate and its standard error to it.
   */
  private void observeConvergence() {
    if (s.convergence() == null) {
      return;
    }
    metrics.flush();
    converged = s.convergence().observe(metrics.lastNegElbo(), metrics.lastStandardError());
  }

  private Progress.Snapshot snapshot() {
    double frac = (double) opt.numTargetEvaluations() / s.maxEvaluations();
    frac = Math.max(frac, (double) opt.iteration() / s.maxIterations());
    if (s.timeLimit() != null) {
      frac = Math.max(frac, wallSeconds() / (s.timeLimit().toMillis() / 1000.0));
    }
    return new Progress.Snapshot(opt.iteration(), opt.numTargetEvaluations(),
        metrics.lastNegElbo(), opt.model().numComponents(), wallSeconds(), frac,
        opt.iteration() - startIteration, (System.nanoTime() - startNanos) * 1e-9);
  }

  private void scheduleMetrics() {
    metrics.schedule(opt.iteration(), opt.numTargetEvaluations(), wallSeconds(), opt.model(),
        lastRecord, droppedTotal, opt.config().temperature());
  }

  private void checkpoint() throws IOException {
    metrics.flush();
    var state = opt.saveState();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("problem", problem.name());
    r.put("codeword", s.codeword());
    r.put("seed", s.seed());
    r.put("iteration", opt.iteration());
    r.put("target_evaluations", opt.numTargetEvaluations());
    r.put("wall_seconds", wallSeconds());
    r.put("dropped_samples", droppedTotal);
    r.put("last_logged_iteration", metrics.lastLoggedIteration());
    Checkpoint.write(s.out(), r, state);
  }

  private RunOutcome fail(Throwable e) throws IOException {
    progress.finish();
    String reason = e.getMessage() == null ? e.toString()
        : e instanceof TargetEvaluationException || e instanceof IOException
            || e instanceof UncheckedIOException ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    try {
      metrics.flush();
    } catch (RuntimeException | Error ignored) {
      // the failure being reported is the first one
    }
    return finish(RunStatus.FAILED, StopReason.ERROR, reason, e);
  }

  private RunOutcome finish(RunStatus status, String reason, String error, Throwable failure)
      throws IOException {
    double wall = wallSeconds();
    return report.write(status, reason, error, failure,
        new FinalReport.State(opt.iteration(), opt.numTargetEvaluations(), opt.model()), wall,
        metrics);
  }
}
