package org.gmmvi.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.MetricsCsv;

/**
 * One finished (or failed) run as found on disk: its {@code final.json} and {@code metrics.csv}.
 *
 * @param dir          the run directory
 * @param problem      problem name
 * @param codeword     codeword
 * @param seed         seed
 * @param status       {@code completed}, {@code failed}, {@code interrupted}
 * @param negElbo      final −ELBO ({@code NaN} if never logged)
 * @param evaluations  target evaluations
 * @param wallSeconds  wall-clock seconds of the run
 * @param secondary    final secondary metrics (problem specific, plus entropy)
 * @param curve        −ELBO against evaluations from metrics.csv (may be empty)
 */
public record RunRecord(Path dir, String problem, String codeword, long seed, String status,
    double negElbo, long evaluations, double wallSeconds, Map<String, Double> secondary,
    Plots.Curve curve) {

  /** Columns of metrics.csv that are not problem-specific secondary metrics. */
  public static final List<String> STANDARD_COLUMNS = List.of("iteration", "num_samples",
      "wall_seconds", "neg_elbo", "entropy", "num_components", "component_stepsize_mean",
      "component_stepsize_min", "component_stepsize_max", "weight_stepsize", "dropped_samples");

  /** Whether the run ended normally. */
  public boolean completed() {
    return "completed".equals(status);
  }

  /** Reads the run in {@code dir}, or {@code null} if it has no {@code final.json}. */
  public static RunRecord read(Path dir) throws IOException {
    Path f = dir.resolve("final.json");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    Map<String, Object> j = Json.readObject(f);
    Map<String, Double> secondary = new LinkedHashMap<>();
    double negElbo = Double.NaN;
    if (j.get("final_metrics") instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        double v = number(e.getValue());
        if (k.equals("neg_elbo")) {
          negElbo = v;
        } else if (k.equals("entropy") || !STANDARD_COLUMNS.contains(k)) {
          secondary.put(k, v);
        }
      }
    }
    Plots.Curve curve = new Plots.Curve(new double[0], new double[0]);
    Path csv = dir.resolve("metrics.csv");
    if (Files.isRegularFile(csv)) {
      MetricsCsv m = MetricsCsv.read(csv);
      if (m.size() > 0 && m.hasColumn("num_samples") && m.hasColumn("neg_elbo")) {
        curve = new Plots.Curve(m.column("num_samples"), m.column("neg_elbo"));
      }
    }
    return new RunRecord(dir, String.valueOf(j.get("problem")), String.valueOf(j.get("codeword")),
        (long) number(j.get("seed")), String.valueOf(j.get("status")), negElbo,
        (long) number(j.get("target_evaluations")), number(j.get("wall_seconds")), secondary,
        curve);
  }

  private static double number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
