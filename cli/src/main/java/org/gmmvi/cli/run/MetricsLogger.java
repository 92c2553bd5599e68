package org.gmmvi.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gmmvi.cli.io.MetricsCsv;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.ElboEstimator;
import org.gmmvi.core.optimizer.IterationRecord;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;

/**
 * The rows of {@code metrics.csv} (PROBLEMS.md §3.3, §5.1), computed off the optimizer's thread: a
 * copy of the model is handed to a single background thread that draws {@link #SAMPLES} fresh
 * samples with its own generator (seeded from the run seed and the iteration by
 * {@link #metricSeed}, so a resumed run logs identical rows), evaluates them on a separate target
 * instance, and appends the row. {@link #flush} waits for the pending rows; the run calls it
 * before each checkpoint, so {@code metrics.csv} always covers every logged iteration up to the
 * checkpoint.
 */
final class MetricsLogger implements AutoCloseable {

  /** Fresh samples per metric evaluation (PROBLEMS.md §3.3). */
  static final int SAMPLES = 2000;

  private final long seed;
  private final RunProblem.Instance eval;
  private final MetricsCsv csv;
  private final ExecutorService thread;
  private final List<Future<?>> pending = new ArrayList<>();
  private int lastLoggedIteration;
  private volatile double lastNegElbo = Double.NaN;
  private volatile double lastStandardError = Double.NaN;
  private volatile Map<String, Object> lastMetrics = Map.of();

  private MetricsLogger(long seed, RunProblem.Instance eval, MetricsCsv csv,
      int lastLoggedIteration) {
    this.seed = seed;
    this.eval = eval;
    this.csv = csv;
    this.lastLoggedIteration = lastLoggedIteration;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "gmmvi-metrics");
      t.setDaemon(true);
      return t;
    });
  }

  /** A new {@code file} for the run of {@code seed}, evaluated on {@code eval}. */
  static MetricsLogger create(Path file, long seed, RunProblem.Instance eval) throws IOException {
    return new MetricsLogger(seed, eval, MetricsCsv.create(file), -1);
  }

  /**
   * Continues {@code file} of a resumed run at {@code iteration} (later rows are dropped); the
   * last surviving row is the run's latest result.
   */
  static MetricsLogger resume(Path file, int iteration, int lastLoggedIteration, long seed,
      RunProblem.Instance eval) throws IOException {
    MetricsLogger m = new MetricsLogger(seed, eval, MetricsCsv.resume(file, iteration),
        lastLoggedIteration);
    m.restoreLastRow();
    return m;
  }

  private void restoreLastRow() {
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

  /** Seed of the metric generator for {@code iteration}: independent of the optimizer's streams. */
  static long metricSeed(long seed, int iteration) {
    return new Rng(seed ^ 0x6D657472696373L).nextLong() + 0x9E3779B97F4A7C15L * (iteration + 1L);
  }

  /**
   * Schedules the row of {@code iteration} for a copy of {@code model}.
   *
   * @param iteration   the optimizer's iteration
   * @param evaluations target evaluations so far
   * @param wallSeconds cumulative wall-clock seconds (rounded to milliseconds in the row)
   * @param model       the current model (copied here)
   * @param record      the last iteration's record (step sizes), or null
   * @param dropped     samples dropped so far (non-finite target values)
   * @param temperature the ELBO temperature
   */
  void schedule(int iteration, long evaluations, double wallSeconds, GmmModel model,
      IterationRecord record, long dropped, double temperature) {
    lastLoggedIteration = iteration;
    GmmModel q = model.copy();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("iteration", iteration);
    row.put("num_samples", evaluations);
    row.put("wall_seconds", Math.round(wallSeconds * 1000) / 1000.0);
    pending.add(thread.submit(() -> {
      Rng rng = new Rng(metricSeed(seed, iteration));
      Target evalTarget = eval.target();
      if (evalTarget instanceof RandomizedTarget rt) {
        rt.random().restore(rng.split().state());
      }
      var est = ElboEstimator.estimate(q, evalTarget, SAMPLES, rng, temperature);
      row.put("neg_elbo", est.negElbo());
      row.put("entropy", est.entropy());
      row.put("num_components", q.numComponents());
      putStepsizes(row, record);
      row.put("dropped_samples", dropped);
      Map<String, Double> secondary = eval.metrics().evaluate(q, est.samples(),
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

  /** Rethrows the failure of a finished row, if any; does not wait. */
  void checkFailures() {
    pending.removeIf(f -> {
      if (!f.isDone()) {
        return false;
      }
      await(f);
      return true;
    });
  }

  /** Waits for every pending row; rethrows the first failure. */
  void flush() {
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

  /** The iteration of the last scheduled row (-1: none). */
  int lastLoggedIteration() {
    return lastLoggedIteration;
  }

  /** The −ELBO of the last finished row ({@code NaN}: none). */
  double lastNegElbo() {
    return lastNegElbo;
  }

  /** The standard error of the last finished row's −ELBO ({@code NaN}: none, or resumed). */
  double lastStandardError() {
    return lastStandardError;
  }

  /** The last finished row (empty: none). */
  Map<String, Object> lastMetrics() {
    return lastMetrics;
  }

  /** The evaluation instance (the precise final −ELBO uses its target too). */
  Target evalTarget() {
    return eval.target();
  }

  /** Stops the background thread (pending rows are abandoned). */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
