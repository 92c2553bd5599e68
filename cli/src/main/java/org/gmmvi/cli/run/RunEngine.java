package org.gmmvi.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gmmvi.cli.UsageException;
import org.gmmvi.cli.io.AtomicFiles;
import org.gmmvi.cli.io.GitRevision;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.MetricsCsv;
import org.gmmvi.cli.io.ModelFiles;
import org.gmmvi.cli.report.PaperResults;
import org.gmmvi.cli.report.Plots;
import org.gmmvi.core.config.ConfigException;
import org.gmmvi.core.config.ConfigMaps;
import org.gmmvi.core.config.YamlConfig;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.ElboEstimator;
import org.gmmvi.core.optimizer.GmmviOptimizer;
import org.gmmvi.core.optimizer.IterationRecord;
import org.gmmvi.core.optimizer.OptimizerState;
import org.gmmvi.core.optimizer.TargetEvaluationException;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.KernelProvider;

/**
 * Runs one codeword on one problem and writes the run directory: {@code metrics.csv},
 * {@code config.yml}, {@code run.json}, {@code checkpoint.bin}, {@code final.json},
 * {@code model.npz}, {@code model.json}, {@code neg_elbo_vs_evals.png},
 * {@code neg_elbo_vs_time.png}. Every file is replaced atomically.
 *
 * <p>Metrics (PROBLEMS.md §3.3, §5.1) are computed every {@code log_metrics_interval} iterations
 * and at the end, off the optimizer's thread: a copy of the model is handed to a single background
 * thread that draws 2000 fresh samples with its own generator (seeded from the run seed and the
 * iteration, so a resumed run logs identical rows), evaluates them on a separate target instance,
 * and appends the row. Before each checkpoint the pending rows are flushed, so
 * {@code metrics.csv} always covers every logged iteration up to the checkpoint.
 */
public final class RunEngine {

  /** Fresh samples per metric evaluation (PROBLEMS.md §3.3). */
  public static final int METRIC_SAMPLES = 2000;

  private final RunSettings s;
  private final RunProblem problem;
  private final Progress progress;

  private GmmviOptimizer opt;
  private RunProblem.Instance evalInstance;
  private MetricsCsv csv;
  private ExecutorService metricsThread;
  private final List<Future<?>> pending = new ArrayList<>();
  private int logInterval;
  private double wallOffset;
  private double checkpointInterval;
  private long startNanos;
  private long droppedTotal;
  private int lastLoggedIteration = -1;
  private volatile double lastNegElbo = Double.NaN;
  private volatile double lastStandardError = Double.NaN;
  private String converged;
  private volatile Map<String, Object> lastMetrics = Map.of();
  private int startIteration;
  private IterationRecord lastRecord;
  private final StallDetector stall = new StallDetector();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private Throwable failure;
  private final CountDownLatch finished = new CountDownLatch(1);

  private RunEngine(RunSettings s, RunProblem problem, Progress progress) {
    this.s = s;
    this.problem = problem;
    this.progress = progress;
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
    Path out = s.out();
    Checkpoint ckpt = prepareDirectory(out);
    Map<String, Object> algorithmConfig = mergedConfig();
    Map<String, Object> runner = ConfigFiles.runnerSection(algorithmConfig);
    logInterval = ConfigFiles.positiveInt(runner, "log_metrics_interval",
        problem.defaultLogInterval());
    runner.put("log_metrics_interval", logInterval);
    algorithmConfig.put(ConfigFiles.RUNNER_SECTION, runner);

    Target target = instantiate().target();
    checkDimension(target);
    evalInstance = instantiate();
    opt = build(algorithmConfig, target, ckpt);
    onStart.run();

    AtomicFiles.writeString(out.resolve("config.yml"),
        YamlConfig.dump(opt.config().toMap()));
    Json.write(out.resolve("run.json"), runDescription());

    if (ckpt != null) {
      Map<String, Object> r = ckpt.runner();
      wallOffset = ((Number) r.get("wall_seconds")).doubleValue();
      droppedTotal = ((Number) r.get("dropped_samples")).longValue();
      lastLoggedIteration = ((Number) r.get("last_logged_iteration")).intValue();
      csv = MetricsCsv.resume(out.resolve("metrics.csv"), opt.iteration());
      restoreLastMetrics();
      progress.message("resuming " + out + " at iteration " + opt.iteration() + " ("
          + opt.numTargetEvaluations() + " target evaluations)");
    } else {
      csv = MetricsCsv.create(out.resolve("metrics.csv"));
    }
    startIteration = opt.iteration();
    startNanos = System.nanoTime();
    metricsThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "gmmvi-metrics");
      t.setDaemon(true);
      return t;
    });
    Thread hook = new Thread(this::onShutdown, "gmmvi-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return loop();
    } finally {
      metricsThread.shutdownNow();
      opt.close();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
      }
    }
  }

  /** After a resume: the last surviving metrics row is the run's latest result. */
  private void restoreLastMetrics() {
    if (csv.size() == 0) {
      return;
    }
    String[] cells = csv.row(csv.size() - 1);
    Map<String, Object> row = new LinkedHashMap<>();
    List<String> header = csv.header();
    for (int i = 0; i < cells.length; i++) {
      row.put(header.get(i), parseCell(cells[i]));
    }
    lastMetrics = row;
    if (row.get("neg_elbo") instanceof Number n) {
      lastNegElbo = n.doubleValue();
    }
  }

  private static Object parseCell(String c) {
    try {
      return c.matches("-?\\d+") ? (Object) Long.parseLong(c) : (Object) Double.parseDouble(c);
    } catch (NumberFormatException e) {
      return c;
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

  private Checkpoint prepareDirectory(Path out) throws IOException {
    if (s.resume()) {
      if (!Checkpoint.exists(out)) {
        if (Files.exists(out.resolve("final.json"))) {
          throw new UsageException("--resume: the run in '" + out + "' completed and its"
              + " checkpoint was deleted (runs keep it only with --keep-checkpoint); start a new"
              + " run with a larger budget, or pass --fresh to replace this one");
        }
        throw new UsageException("--resume: no checkpoint in '" + out
            + "' (nothing to resume; start the run without --resume)");
      }
      Checkpoint c = Checkpoint.read(out);
      Map<String, Object> r = c.runner();
      checkSame("algorithm", s.codeword(), r.get("codeword"));
      checkSame("problem", problem.name(), r.get("problem"));
      checkSame("seed", Long.toString(s.seed()), String.valueOf(r.get("seed")));
      AtomicFiles.deleteStaleTemporaries(out); // of writes cut short by kill -9
      return c;
    }
    if (Checkpoint.exists(out) || Files.exists(out.resolve("final.json"))) {
      throw new UsageException("'" + out + "' already holds a run; pass --resume to continue it"
          + " or choose another --out");
    }
    requireWritableDirectory(out);
    AtomicFiles.deleteStaleTemporaries(out); // of an earlier start killed before its checkpoint
    return null;
  }

  /** Creates {@code dir} and proves it writable with a probe file; failures are user errors. */
  private static void requireWritableDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".gmmvi-probe", ".tmp"));
    } catch (IOException e) {
      String why = e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name exists"
          : e instanceof java.nio.file.FileSystemException fe && fe.getReason() != null
              ? fe.getReason() : String.valueOf(e.getMessage());
      throw new UsageException("output directory '" + dir + "' cannot be created or written: "
          + why, e);
    }
  }

  private static void checkSame(String what, String given, Object stored) {
    if (!given.equals(String.valueOf(stored))) {
      throw new UsageException("--resume: the checkpoint was written for " + what + " '" + stored
          + "', not '" + given + "'");
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
        throw new UsageException("cannot resume from " + s.out().resolve(Checkpoint.FILE) + ": "
            + e.getMessage(), e);
      }
      throw new UsageException(e.getMessage(), e);
    }
  }

  private Map<String, Object> runDescription() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problem", problem.name());
    m.put("codeword", s.codeword());
    m.put("seed", s.seed());
    m.put("dimension", problem.dimension());
    if (problem instanceof RegistryProblem rp) {
      m.put("data_dir", rp.data().root().toString());
    } else if (problem instanceof UserTargetProblem up) {
      m.put("target_class", up.className());
      m.put("classpath", up.classpath());
    }
    m.put("budget", s.budgetName());
    m.put("max_target_evaluations", s.maxEvaluations());
    m.put("max_iterations", s.maxIterations());
    m.put("time_limit_seconds", s.timeLimit() == null ? null : s.timeLimit().toMillis() / 1000.0);
    m.put("threads", s.threads());
    m.put("log_metrics_interval", logInterval);
    if (s.convergence() != null) {
      m.put("stop_when_converged", Map.of("window", s.convergence().window(),
          "tolerance", s.convergence().tolerance()));
    }
    return m;
  }

  // ------------------------------------------------------------------ the loop

  private double wallSeconds() {
    return wallOffset + (System.nanoTime() - startNanos) * 1e-9;
  }

  private String stopReason() {
    if (opt.numTargetEvaluations() >= s.maxEvaluations()) {
      return "target-evaluation budget of " + s.maxEvaluations() + " reached";
    }
    if (opt.iteration() >= s.maxIterations()) {
      return "iteration cap of " + s.maxIterations() + " reached";
    }
    if (s.timeLimit() != null && wallSeconds() >= s.timeLimit().toMillis() / 1000.0) {
      return "time limit of " + TimeLimit.format(s.timeLimit().toMillis() / 1000.0) + " reached";
    }
    if (stopRequested.get()) {
      return "interrupted";
    }
    return converged;
  }

  /**
   * Seconds between time-based checkpoints: {@code --checkpoint-seconds}, stretched to 20 times the
   * last checkpoint's write time, so that writing checkpoints costs at most about 5 % of a run (a
   * 10 M-sample breast_cancer state is 2 GB; written every 120 s it would slow the run down).
   */
  static double timedCheckpointInterval(double configured, double lastWriteSeconds) {
    return Math.max(configured, 20.0 * lastWriteSeconds);
  }

  private RunOutcome loop() throws IOException {
    checkpointInterval = s.checkpointSeconds();
    double lastCheckpoint = wallSeconds();
    int lastCheckpointIteration = opt.iteration();
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
        boolean dueByIterations = s.checkpointIterations() > 0
            && it - lastCheckpointIteration >= s.checkpointIterations();
        boolean dueByTime = wallSeconds() - lastCheckpoint >= checkpointInterval;
        if (dueByIterations || dueByTime) {
          double start = wallSeconds();
          checkpoint();
          lastCheckpoint = wallSeconds();
          checkpointInterval = timedCheckpointInterval(s.checkpointSeconds(),
              lastCheckpoint - start);
          lastCheckpointIteration = it;
        }
        progress.update(snapshot(), false);
        checkPendingFailures();
      }
    } catch (RuntimeException | Error | IOException e) {
      return fail(e);
    }
    try {
      if (lastLoggedIteration != opt.iteration()) {
        scheduleMetrics();
      }
      flushMetrics();
      if (keepsCheckpoint(reason)) {
        checkpoint();
      }
    } catch (RuntimeException | IOException | Error e) {
      // also OutOfMemoryError while serialising the final checkpoint: the copies are garbage
      // now, so the model files and final.json can still be written
      return fail(e);
    }
    progress.update(snapshot(), true);
    progress.finish();
    boolean interrupted = "interrupted".equals(reason);
    RunOutcome o = finish(interrupted ? "interrupted" : "completed", reason, null);
    if (!keepsCheckpoint(reason) && o.completed()) {
      Files.deleteIfExists(s.out().resolve(Checkpoint.FILE));
    }
    if (interrupted) {
      System.err.println("gmmvi: interrupted at iteration " + o.iteration() + "; checkpoint and"
          + " results written to " + s.out() + "; continue with --resume");
    }
    return o;
  }

  /**
   * Whether the run keeps its checkpoint when it stops for {@code reason}: always with
   * {@code --keep-checkpoint}; otherwise only after a time limit or an interrupt, which are meant
   * to be resumed. A run that reached its budget, its iteration cap or convergence deletes it
   * (a gmm20 smoke state is about 200 MB; breast_cancer's full one 2 GB).
   */
  private boolean keepsCheckpoint(String reason) {
    return s.keepCheckpoint() || "interrupted".equals(reason)
        || reason.startsWith("time limit");
  }

  /**
   * The opt-in convergence stop: waits for this iteration's metrics (so the decision does not
   * depend on thread timing) and feeds the estimate and its standard error to it.
   */
  private void observeConvergence() {
    if (s.convergence() == null) {
      return;
    }
    flushMetrics();
    converged = s.convergence().observe(lastNegElbo, lastStandardError);
  }

  private Progress.Snapshot snapshot() {
    double frac = (double) opt.numTargetEvaluations() / s.maxEvaluations();
    frac = Math.max(frac, (double) opt.iteration() / s.maxIterations());
    if (s.timeLimit() != null) {
      frac = Math.max(frac, wallSeconds() / (s.timeLimit().toMillis() / 1000.0));
    }
    return new Progress.Snapshot(opt.iteration(), opt.numTargetEvaluations(), lastNegElbo,
        opt.model().numComponents(), wallSeconds(), frac, opt.iteration() - startIteration,
        (System.nanoTime() - startNanos) * 1e-9);
  }

  /** Seed of the metric generator for {@code iteration}: independent of the optimizer's streams. */
  static long metricSeed(long seed, int iteration) {
    return new Rng(seed ^ 0x6D657472696373L).nextLong() + 0x9E3779B97F4A7C15L * (iteration + 1L);
  }

  private void scheduleMetrics() {
    int it = opt.iteration();
    lastLoggedIteration = it;
    GmmModel q = opt.model().copy();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("iteration", it);
    row.put("num_samples", opt.numTargetEvaluations());
    row.put("wall_seconds", Math.round(wallSeconds() * 1000) / 1000.0);
    IterationRecord r = lastRecord;
    long dropped = droppedTotal;
    double temperature = opt.config().temperature();
    pending.add(metricsThread.submit(() -> {
      Rng rng = new Rng(metricSeed(s.seed(), it));
      Target evalTarget = evalInstance.target();
      if (evalTarget instanceof RandomizedTarget rt) {
        rt.random().restore(rng.split().state());
      }
      var est = ElboEstimator.estimate(q, evalTarget, METRIC_SAMPLES, rng, temperature);
      row.put("neg_elbo", est.negElbo());
      row.put("entropy", est.entropy());
      row.put("num_components", q.numComponents());
      putStepsizes(row, r);
      row.put("dropped_samples", dropped);
      Map<String, Double> secondary = evalInstance.metrics().evaluate(q, est.samples(),
          est.logQ().length, est.logQ());
      for (Map.Entry<String, Double> e : secondary.entrySet()) {
        row.put(e.getKey(), e.getValue());
      }
      csv.append(row);
      lastNegElbo = est.negElbo();
      lastStandardError = ConvergenceStop.standardError(est.logP(), est.logQ(), temperature);
      lastMetrics = row;
      return null;
    }));
  }

  private static void putStepsizes(Map<String, Object> row, IterationRecord r) {
    double mean = Double.NaN;
    double min = Double.NaN;
    double max = Double.NaN;
    if (r != null && r.componentStepsizes() != null && r.componentStepsizes().length > 0) {
      double sum = 0;
      min = Double.POSITIVE_INFINITY;
      max = Double.NEGATIVE_INFINITY;
      for (double v : r.componentStepsizes()) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      mean = sum / r.componentStepsizes().length;
    }
    row.put("component_stepsize_mean", mean);
    row.put("component_stepsize_min", min);
    row.put("component_stepsize_max", max);
    row.put("weight_stepsize", r == null ? Double.NaN : r.weightStepsize());
  }

  private void checkPendingFailures() {
    pending.removeIf(f -> {
      if (!f.isDone()) {
        return false;
      }
      await(f);
      return true;
    });
  }

  private void flushMetrics() {
    for (Future<?> f : pending) {
      await(f);
    }
    pending.clear();
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing metrics", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException("metrics failed: " + c, c);
    }
  }

  private void checkpoint() throws IOException {
    flushMetrics();
    OptimizerState state = opt.saveState();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("problem", problem.name());
    r.put("codeword", s.codeword());
    r.put("seed", s.seed());
    r.put("iteration", opt.iteration());
    r.put("target_evaluations", opt.numTargetEvaluations());
    r.put("wall_seconds", wallSeconds());
    r.put("dropped_samples", droppedTotal);
    r.put("last_logged_iteration", lastLoggedIteration);
    Checkpoint.write(s.out(), r, state);
  }

  private RunOutcome fail(Throwable e) throws IOException {
    progress.finish();
    String reason = e.getMessage() == null ? e.toString()
        : e instanceof TargetEvaluationException || e instanceof IOException
            || e instanceof java.io.UncheckedIOException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    try {
      flushMetrics();
    } catch (RuntimeException | Error ignored) {
      // the failure being reported is the first one
    }
    failure = e;
    return finish("failed", "error", reason);
  }

  private RunOutcome finish(String status, String reason, String error) throws IOException {
    Path out = s.out();
    double wall = wallSeconds();
    GmmModel model = opt.model();
    try {
      ModelFiles.write(out, model);
    } catch (RuntimeException | IOException e) {
      error = error == null ? "writing the model failed: " + e.getMessage() : error;
      status = "failed";
    }
    writePlots();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", status);
    f.put("stop_reason", reason);
    if (error != null) {
      f.put("error", error);
      f.put("failed_at_iteration", opt.iteration());
      if (failure != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        f.put("stack_trace", trace.toString().lines().limit(40).toList());
      }
    }
    f.putAll(runDescription());
    f.put("iterations", opt.iteration());
    f.put("target_evaluations", opt.numTargetEvaluations());
    f.put("wall_seconds", wall);
    f.put("num_components", model.numComponents());
    Map<String, Object> metrics = new LinkedHashMap<>(lastMetrics);
    f.put("final_metrics", metrics);
    ElboEstimator.PreciseElbo precise = "failed".equals(status) ? null : preciseElbo(model);
    if (precise != null) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("samples", precise.samples());
      e.put("neg_elbo", precise.negElbo());
      e.put("standard_error", precise.standardError());
      e.put("entropy", precise.entropy());
      e.put("mean_log_target", precise.meanLogTarget());
      f.put("final_evaluation", e);
    }
    f.put("backend", KernelProvider.get().name());
    f.put("git_revision", GitRevision.ofProject());
    f.put("jdk", System.getProperty("java.vendor") + " " + Runtime.version());
    f.put("finished_at", Instant.now().toString());
    try {
      Json.write(out.resolve("final.json"), f);
    } catch (IOException e) {
      error = (error == null ? "" : error + "; ") + "final.json not written: " + e.getMessage();
      status = "failed";
    }
    return new RunOutcome(status, reason, opt.iteration(), opt.numTargetEvaluations(),
        lastNegElbo, precise, wall, error, out);
  }

  /**
   * The precise −ELBO of the final model ({@link ElboEstimator#precise} with
   * {@code finalSamples} samples on the metrics target, its own generator), or null when not
   * requested or when it fails (a warning; the run's results stand).
   */
  private ElboEstimator.PreciseElbo preciseElbo(GmmModel model) {
    if (s.finalSamples() < 2) {
      return null;
    }
    try {
      return ElboEstimator.precise(model, evalInstance.target(), s.finalSamples(),
          new Rng(metricSeed(s.seed(), -1)));
    } catch (RuntimeException e) {
      progress.warning("warning: the precise final -ELBO failed: " + e);
      return null;
    }
  }

  private void writePlots() {
    try {
      if (!Files.exists(s.out().resolve("metrics.csv"))) {
        return; // the run failed before its first metrics row
      }
      MetricsCsv m = MetricsCsv.read(s.out().resolve("metrics.csv"));
      if (m.size() == 0) {
        return;
      }
      double[] y = m.column("neg_elbo");
      String title = s.codeword() + " on " + problem.name() + " (seed " + s.seed() + ")";
      double paper = PaperResults.get().negElbo(problem.name(), s.codeword())
          .map(PaperResults.Entry::mean).orElse(Double.NaN);
      double se = lastStandardError;
      AtomicFiles.write(s.out().resolve("neg_elbo_vs_evals.png"), Plots.line(title,
          "target evaluations", "-ELBO", s.codeword(), new Plots.Curve(m.column("num_samples"), y),
          se, paper));
      AtomicFiles.write(s.out().resolve("neg_elbo_vs_time.png"), Plots.line(title,
          "wall-clock seconds", "-ELBO", s.codeword(), new Plots.Curve(m.column("wall_seconds"), y),
          se, paper));
    } catch (IOException | RuntimeException e) {
      progress.warning("warning: could not write the plots: " + e);
    }
  }
}
