package org.gmmvi.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gmmvi.cli.io.AtomicFiles;
import org.gmmvi.cli.io.GitRevision;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.MetricsCsv;
import org.gmmvi.cli.io.ModelFiles;
import org.gmmvi.cli.report.PaperResults;
import org.gmmvi.cli.report.Plots;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.ElboEstimator;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.KernelProvider;

/**
 * The end of a run: {@code model.npz} and {@code model.json}, the two plots
 * ({@code neg_elbo_vs_evals.png}, {@code neg_elbo_vs_time.png}) and {@code final.json} with the
 * status, the run description, the last metrics row, the precise −ELBO of the final model and the
 * provenance (backend, git revision, JDK). A failure to write the model or {@code final.json}
 * turns the status into {@link RunStatus#FAILED}; plots and the precise −ELBO only warn.
 */
final class FinalReport {

  private final RunSettings s;
  private final RunProblem problem;
  private final Map<String, Object> description;
  private final Progress progress;

  /**
   * @param description the run description ({@link RunDirectory#describe})
   * @param progress    where warnings go
   */
  FinalReport(RunSettings s, RunProblem problem, Map<String, Object> description,
      Progress progress) {
    this.s = s;
    this.problem = problem;
    this.description = description;
    this.progress = progress;
  }

  /**
   * How the run ended.
   *
   * @param status      the status so far
   * @param reason      the stop reason
   * @param error       the failure message, or null
   * @param failure     the failure (its stack trace goes into {@code final.json}), or null
   * @param state       the run's final iteration, evaluations and model
   * @param wallSeconds cumulative wall-clock seconds
   * @param metrics     the metrics logger (flushed)
   */
  RunOutcome write(RunStatus status, String reason, String error, Throwable failure,
      State state, double wallSeconds, MetricsLogger metrics) throws IOException {
    Path out = s.out();
    GmmModel model = state.model();
    try {
      ModelFiles.write(out, model);
    } catch (RuntimeException | IOException e) {
      error = error == null ? "writing the model failed: " + e.getMessage() : error;
      status = RunStatus.FAILED;
    }
    writePlots(metrics.lastStandardError());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", status.jsonName());
    f.put("stop_reason", reason);
    if (error != null) {
      f.put("error", error);
      f.put("failed_at_iteration", state.iteration());
      if (failure != null) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        f.put("stack_trace", trace.toString().lines().limit(40).toList());
      }
    }
    f.putAll(description);
    f.put("iterations", state.iteration());
    f.put("target_evaluations", state.evaluations());
    f.put("wall_seconds", wallSeconds);
    f.put("num_components", model.numComponents());
    f.put("final_metrics", new LinkedHashMap<>(metrics.lastMetrics()));
    ElboEstimator.PreciseElbo precise = status == RunStatus.FAILED ? null
        : preciseElbo(model, metrics);
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
      status = RunStatus.FAILED;
    }
    return new RunOutcome(status, reason, state.iteration(), state.evaluations(),
        metrics.lastNegElbo(), precise, wallSeconds, error, out);
  }

  /**
   * Where the optimizer ended.
   *
   * @param iteration   completed iterations
   * @param evaluations target evaluations
   * @param model       the final model
   */
  record State(int iteration, long evaluations, GmmModel model) {}

  /**
   * The precise −ELBO of the final model ({@link ElboEstimator#precise} with
   * {@code finalSamples} samples on the metrics target, its own generator), or null when not
   * requested or when it fails (a warning; the run's results stand).
   */
  private ElboEstimator.PreciseElbo preciseElbo(GmmModel model, MetricsLogger metrics) {
    if (s.finalSamples() < 2) {
      return null;
    }
    try {
      return ElboEstimator.precise(model, metrics.evalTarget(), s.finalSamples(),
          new Rng(MetricsLogger.metricSeed(s.seed(), -1)));
    } catch (RuntimeException e) {
      progress.warning("warning: the precise final -ELBO failed: " + e);
      return null;
    }
  }

  private void writePlots(double standardError) {
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
      AtomicFiles.write(s.out().resolve("neg_elbo_vs_evals.png"), Plots.line(title,
          "target evaluations", "-ELBO", s.codeword(), new Plots.Curve(m.column("num_samples"), y),
          standardError, paper));
      AtomicFiles.write(s.out().resolve("neg_elbo_vs_time.png"), Plots.line(title,
          "wall-clock seconds", "-ELBO", s.codeword(), new Plots.Curve(m.column("wall_seconds"), y),
          standardError, paper));
    } catch (IOException | RuntimeException e) {
      progress.warning("warning: could not write the plots: " + e);
    }
  }
}
