package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.run.Checkpoint;

/**
 * {@code reproduce --status DIR}: the state of every run of a grid, from the run directories and,
 * for SLURM grids, from {@code squeue}/{@code sacct} ({@link SlurmExecutor#states}).
 *
 * <p>States: {@code done} (completed with the grid's budget), {@code failed} (final.json says
 * failed), {@code pending}/{@code running} (SLURM; {@code running} also when a process holds the
 * run's lock, as local runs do), {@code interrupted} (a checkpoint, resumed by
 * a rerun), {@code cancelled}/{@code timeout}/… (sacct's word for a task that ended without
 * result), {@code ended} (submitted, no longer queued, no result, no accounting to say why),
 * {@code missing} (never started).
 *
 * @param rows one row per run of the grid
 */
public record GridStatus(List<Row> rows) {

  /** One run and its state. */
  public record Row(RunTask task, String state, String detail) {}

  /** The status of {@code plan}'s runs in {@code root}. */
  public static GridStatus of(Path root, GridPlan plan, boolean slurm)
      throws IOException, InterruptedException {
    Map<String, SlurmExecutor.SlurmState> sl = slurm ? SlurmExecutor.states(root) : Map.of();
    List<Row> rows = new java.util.ArrayList<>();
    for (RunTask t : plan.tasks()) {
      rows.add(row(t, sl.get(t.dir().toString())));
    }
    return new GridStatus(rows);
  }

  private static Row row(RunTask t, SlurmExecutor.SlurmState s) throws IOException {
    if (TaskRunner.isComplete(t)) {
      return new Row(t, "done", "");
    }
    String job = s == null ? "" : "job " + s.jobTask();
    if (s != null && s.active()) {
      return new Row(t, s.state().toLowerCase(Locale.ROOT), job);
    }
    if (TaskRunner.isLocked(t.dir())) {
      return new Row(t, "running", "a process holds " + TaskRunner.LOCK);
    }
    Path fin = t.dir().resolve("final.json");
    if (Files.isRegularFile(fin)) {
      Map<String, Object> j = Json.readObject(fin);
      if ("failed".equals(j.get("status"))) {
        return new Row(t, "failed", String.valueOf(j.get("error")));
      }
    }
    if (s != null && !s.state().equals("COMPLETED")) {
      String st = s.state().equals(SlurmExecutor.ENDED) ? "ended" : s.state()
          .toLowerCase(Locale.ROOT);
      return new Row(t, st, job + (st.equals("ended") ? " (no longer queued, no result)" : "")
          + (Checkpoint.exists(t.dir()) ? ", checkpoint kept: a rerun resumes it"
          : ", a rerun submits it again"));
    }
    if (Checkpoint.exists(t.dir()) || Files.isRegularFile(fin)) {
      return new Row(t, "interrupted", "resumed by a rerun");
    }
    return new Row(t, "missing", job);
  }

  /** Counts per state of every cell, then the runs that are not done. */
  public String render() {
    Map<String, Map<String, Integer>> byCell = new LinkedHashMap<>();
    Map<String, Integer> total = new TreeMap<>();
    for (Row r : rows) {
      byCell.computeIfAbsent(r.task().cell(), k -> new TreeMap<>()).merge(r.state(), 1,
          Integer::sum);
      total.merge(r.state(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-32s %s%n", "cell", "runs by state"));
    byCell.forEach((cell, counts) -> sb.append(String.format(Locale.ROOT, "%-32s %s%n", cell,
        format(counts))));
    sb.append(String.format(Locale.ROOT, "%-32s %s%n", "all " + rows.size() + " runs",
        format(total)));
    List<Row> open = rows.stream().filter(r -> !r.state().equals("done")).toList();
    if (!open.isEmpty()) {
      sb.append("\nnot done:\n");
      for (Row r : open) {
        sb.append(String.format(Locale.ROOT, "  %-40s %-12s %s%n", r.task().label(), r.state(),
            r.detail()));
      }
    }
    return sb.toString();
  }

  private static String format(Map<String, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
    return sb.toString();
  }
}
