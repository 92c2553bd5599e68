package org.gmmvi.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gmmvi.cli.io.AtomicFiles;

/**
 * Writes {@code report.md} and {@code report.html} of a {@code reproduce} directory from the run
 * directories {@code runs/<problem>/<codeword>/seed<seed>/} alone: final −ELBO and secondary
 * metrics as mean ± 3·SE over the completed seeds ({@link Summary}) next to the paper's numbers
 * ({@link PaperResults}), the mean wall-clock per run, a per-run table, and one learning-curve
 * plot per problem ({@code curves_<problem>.png}).
 */
public final class ReportWriter {

  /** Subdirectory of the reproduce directory that holds the runs. */
  public static final String RUNS = "runs";

  private ReportWriter() {}

  /** The directory of one run inside a reproduce directory. */
  public static Path runDir(Path root, String problem, String codeword, long seed) {
    return root.resolve(RUNS).resolve(problem).resolve(codeword).resolve("seed" + seed);
  }

  /** Every run found below {@code root/runs}, ordered by problem, codeword, seed. */
  public static List<RunRecord> scan(Path root) throws IOException {
    Path runs = root.resolve(RUNS);
    List<RunRecord> out = new ArrayList<>();
    if (!Files.isDirectory(runs)) {
      return out;
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.find(runs, 3, (p, a) -> a.isDirectory()
        && p.getFileName().toString().startsWith("seed"))) {
      dirs = s.sorted().toList();
    }
    for (Path d : dirs) {
      RunRecord r = RunRecord.read(d);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** Aggregated results of one problem and codeword. */
  public record Cell(String problem, String codeword, List<RunRecord> completed, int attempted,
      Summary negElbo, Map<String, Summary> secondary, double meanWallSeconds,
      double meanEvaluations) {}

  /**
   * A cell the reproduction asked for: its seeds and budget, so that the report shows
   * {@code completed/expected}, lists missing and failed runs, and judges the cell.
   *
   * @param seeds       the seeds expected
   * @param budgetUsed  the budget of the runs, as shown
   * @param paperBudget the paper's budget, as shown
   * @param comparable  whether the budget is at least the paper's ({@link Verdict})
   */
  public record Expected(String problem, String codeword, List<Long> seeds, String budgetUsed,
      String paperBudget, boolean comparable) {

    String key() {
      return problem + "/" + codeword;
    }
  }

  /** Groups completed runs by problem and codeword, in {@code problemOrder}/{@code codewordOrder}. */
  public static List<Cell> aggregate(List<RunRecord> runs, List<String> problemOrder,
      List<String> codewordOrder) {
    return aggregate(runs, problemOrder, codewordOrder, List.of());
  }

  /**
   * As {@link #aggregate(List, List, List)}, with a cell (maybe without runs) for every
   * {@code expected} one.
   */
  public static List<Cell> aggregate(List<RunRecord> runs, List<String> problemOrder,
      List<String> codewordOrder, List<Expected> expected) {
    Map<String, Map<String, List<RunRecord>>> by = new LinkedHashMap<>();
    for (Expected e : expected) {
      by.computeIfAbsent(e.problem(), k -> new LinkedHashMap<>())
          .computeIfAbsent(e.codeword(), k -> new ArrayList<>());
    }
    for (RunRecord r : runs) {
      by.computeIfAbsent(r.problem(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.codeword(), k -> new ArrayList<>()).add(r);
    }
    List<Cell> cells = new ArrayList<>();
    for (String p : ordered(by.keySet(), problemOrder)) {
      Map<String, List<RunRecord>> byCw = by.get(p);
      for (String cw : ordered(byCw.keySet(), codewordOrder)) {
        List<RunRecord> all = byCw.get(cw);
        List<RunRecord> ok = all.stream().filter(RunRecord::completed).toList();
        Set<String> names = new LinkedHashSet<>();
        ok.forEach(r -> names.addAll(r.secondary().keySet()));
        Map<String, Summary> sec = new LinkedHashMap<>();
        for (String n : names) {
          sec.put(n, Summary.of(ok.stream().mapToDouble(r -> r.secondary()
              .getOrDefault(n, Double.NaN)).toArray()));
        }
        cells.add(new Cell(p, cw, ok, all.size(),
            Summary.of(ok.stream().mapToDouble(RunRecord::negElbo).toArray()), sec,
            ok.stream().mapToDouble(RunRecord::wallSeconds).average().orElse(Double.NaN),
            ok.stream().mapToLong(RunRecord::evaluations).average().orElse(Double.NaN)));
      }
    }
    return cells;
  }

  private static List<String> ordered(Set<String> present, List<String> order) {
    List<String> out = new ArrayList<>();
    for (String o : order) {
      if (present.contains(o)) {
        out.add(o);
      }
    }
    present.stream().filter(p -> !out.contains(p)).sorted(Comparator.naturalOrder())
        .forEach(out::add);
    return out;
  }

  /**
   * Writes the report files and plots into {@code root}.
   *
   * @param header lines describing the reproduction (budget, backend, revision), may be empty
   * @return the cells of the report
   */
  public static List<Cell> write(Path root, List<String> problemOrder,
      List<String> codewordOrder, List<String> header) throws IOException {
    return write(root, problemOrder, codewordOrder, header, List.of());
  }

  /**
   * Writes the report files and plots into {@code root}, with every {@code expected} cell shown
   * (also without runs), its runs as {@code completed/expected}, a verdict against the paper and
   * a list of the missing and failed runs.
   */
  public static List<Cell> write(Path root, List<String> problemOrder,
      List<String> codewordOrder, List<String> header, List<Expected> expected)
      throws IOException {
    List<RunRecord> runs = scan(root);
    List<Cell> cells = aggregate(runs, problemOrder, codewordOrder, expected);
    Map<String, Expected> exp = new LinkedHashMap<>();
    expected.forEach(e -> exp.put(e.key(), e));
    List<String> problems = cells.stream().map(Cell::problem).distinct().toList();
    for (String p : problems) {
      Map<String, List<Plots.Curve>> curves = new LinkedHashMap<>();
      Map<String, Double> paper = new LinkedHashMap<>();
      for (Cell c : cells) {
        if (c.problem().equals(p) && !c.completed().isEmpty()) {
          curves.put(c.codeword(), c.completed().stream().map(RunRecord::curve).toList());
          PaperResults.get().negElbo(p, c.codeword())
              .ifPresent(e -> paper.put(c.codeword(), e.mean()));
        }
      }
      if (!curves.isEmpty()) {
        AtomicFiles.write(root.resolve(plotName(p)),
            Plots.learningCurves("-ELBO vs target evaluations: " + p, curves, paper));
      }
    }
    AtomicFiles.writeString(root.resolve("report.md"),
        markdown(cells, runs, problems, header, exp));
    AtomicFiles.writeString(root.resolve("report.html"),
        html(cells, runs, problems, header, exp));
    return cells;
  }

  static String plotName(String problem) {
    return "curves_" + problem + ".png";
  }

  // ------------------------------------------------------------------ tables

  private static final String INTRO = "Final −ELBO is the last logged value of each run (2000"
      + " fresh samples); cells are mean ± 3·SE over the completed seeds (SE = standard deviation"
      + " with ddof 0 / √n), as in the paper. Paper: TMLR 2023 Experiment 3 (Arenz et al.,"
      + " arXiv:2209.11533) as transcribed in docs/spec/PAPER-RESULTS.md; the paper stopped runs"
      + " by wall-clock limits; these runs stop at the budget shown (target evaluations,"
      + " PROBLEMS.md §3.5, or the paper's wall-clock limit with --budget paper). Verdict: 'agrees'"
      + " when the two mean ± 3·SE intervals overlap (a paper value without error bar counts as"
      + " ± 0.005, its printing precision), else 'better' (lower −ELBO) or 'worse'; 'not"
      + " comparable' when the budget is below the paper's (smoke or a smaller evaluation budget).";

  static List<String[]> mainRows(List<Cell> cells, Map<String, Expected> expected) {
    List<String[]> rows = new ArrayList<>();
    PaperResults paper = PaperResults.get();
    for (Cell c : cells) {
      Expected e = expected.get(c.problem() + "/" + c.codeword());
      var entry = paper.negElbo(c.problem(), c.codeword());
      String paperCell = entry.map(PaperResults.Entry::display).orElse("—");
      Verdict v = Verdict.of(c.negElbo(), entry.map(PaperResults.Entry::mean).orElse(Double.NaN),
          entry.map(PaperResults.Entry::halfWidth).orElse(Double.NaN),
          e == null || e.comparable());
      rows.add(new String[] {c.problem(), c.codeword(),
          c.completed().size() + "/" + (e != null ? e.seeds().size() : c.attempted()),
          c.negElbo().format(3), paperCell, v.text(),
          e != null ? e.budgetUsed() : "—",
          e != null ? e.paperBudget() : paper.limit(c.problem()).orElse("—"),
          Double.isNaN(c.meanEvaluations()) ? "—"
              : String.format(Locale.ROOT, "%,.0f", c.meanEvaluations()),
          Double.isNaN(c.meanWallSeconds()) ? "—"
              : String.format(Locale.ROOT, "%.1f s", c.meanWallSeconds())});
    }
    return rows;
  }

  static final String[] MAIN_HEADER = {"problem", "algorithm", "runs (completed/expected)",
      "−ELBO (this reproduction)", "−ELBO (paper)", "verdict (3·SE intervals)", "budget used",
      "paper's budget", "target evaluations (mean)", "wall-clock per run (mean)"};

  /**
   * One line per expected cell that is not complete: the seeds without a run, and the runs that
   * did not complete with their status.
   */
  static List<String> missingLines(List<Cell> cells, List<RunRecord> runs,
      Map<String, Expected> expected) {
    List<String> out = new ArrayList<>();
    for (Expected e : expected.values()) {
      List<RunRecord> mine = runs.stream().filter(r -> r.problem().equals(e.problem())
          && r.codeword().equals(e.codeword()) && e.seeds().contains(r.seed())).toList();
      List<Long> missing = e.seeds().stream()
          .filter(s -> mine.stream().noneMatch(r -> r.seed() == s)).toList();
      List<String> notDone = mine.stream().filter(r -> !r.completed())
          .map(r -> r.seed() + " " + r.status()).toList();
      if (missing.isEmpty() && notDone.isEmpty()) {
        continue;
      }
      long done = mine.stream().filter(RunRecord::completed).count();
      StringBuilder sb = new StringBuilder(e.problem() + " " + e.codeword() + ": " + done + "/"
          + e.seeds().size() + " completed");
      if (!missing.isEmpty()) {
        sb.append("; no result for seed").append(missing.size() == 1 ? " " : "s ")
            .append(seedList(missing));
      }
      if (!notDone.isEmpty()) {
        sb.append("; not completed: ").append(String.join(", ", notDone));
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String seedList(List<Long> seeds) {
    return String.join(", ", seeds.stream().map(String::valueOf).toList());
  }

  static List<String[]> secondaryRows(List<Cell> cells) {
    List<String[]> rows = new ArrayList<>();
    PaperResults paper = PaperResults.get();
    for (Cell c : cells) {
      boolean hasProblemMetric = c.secondary().keySet().stream().anyMatch(k -> !k.equals("entropy"));
      for (Map.Entry<String, Summary> e : c.secondary().entrySet()) {
        if (hasProblemMetric && e.getKey().equals("entropy")) {
          continue;
        }
        String paperCell = paper.secondary(c.problem(), c.codeword())
            .filter(s -> s.metric().equals(e.getKey())).map(PaperResults.Secondary::value)
            .orElse("—");
        rows.add(new String[] {c.problem(), c.codeword(), e.getKey(), format(e.getValue()),
            paperCell});
      }
    }
    return rows;
  }

  static final String[] SECONDARY_HEADER = {"problem", "algorithm", "metric",
      "this reproduction", "paper"};

  private static String format(Summary s) {
    if (s.n() == 0) {
      return "—";
    }
    double scale = Math.max(Math.abs(s.mean()), Math.abs(s.halfWidth()));
    if (scale != 0 && (scale < 0.01 || scale >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e ± %.2e", s.mean(), s.halfWidth());
    }
    return s.format(4);
  }

  static List<String[]> runRows(List<RunRecord> runs) {
    List<String[]> rows = new ArrayList<>();
    for (RunRecord r : runs) {
      rows.add(new String[] {r.problem(), r.codeword(), Long.toString(r.seed()), r.status(),
          Double.isNaN(r.negElbo()) ? "—" : String.format(Locale.ROOT, "%.4f", r.negElbo()),
          String.format(Locale.ROOT, "%,d", r.evaluations()),
          String.format(Locale.ROOT, "%.1f s", r.wallSeconds())});
    }
    return rows;
  }

  static final String[] RUN_HEADER = {"problem", "algorithm", "seed", "status", "final −ELBO",
      "target evaluations", "wall-clock"};

  // ------------------------------------------------------------------ markdown

  static String markdown(List<Cell> cells, List<RunRecord> runs, List<String> problems,
      List<String> header, Map<String, Expected> expected) {
    StringBuilder sb = new StringBuilder("# GMMVI reproduction report\n\n");
    sb.append("Generated ").append(Instant.now()).append(".\n\n");
    header.forEach(h -> sb.append("- ").append(h).append('\n'));
    if (!header.isEmpty()) {
      sb.append('\n');
    }
    sb.append(INTRO).append("\n\n## Final −ELBO\n\n");
    mdTable(sb, MAIN_HEADER, mainRows(cells, expected));
    List<String> missing = missingLines(cells, runs, expected);
    if (!missing.isEmpty()) {
      sb.append("\n## Missing or failed runs\n\n");
      missing.forEach(m -> sb.append("- ").append(m).append('\n'));
    }
    sb.append("\n## Secondary metrics\n\n");
    mdTable(sb, SECONDARY_HEADER, secondaryRows(cells));
    sb.append("\n## Learning curves\n\n");
    for (String p : problems) {
      sb.append("![").append(p).append("](").append(plotName(p)).append(")\n\n");
    }
    sb.append("## Runs\n\n");
    mdTable(sb, RUN_HEADER, runRows(runs));
    return sb.toString();
  }

  private static void mdTable(StringBuilder sb, String[] header, List<String[]> rows) {
    sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
    sb.append("---|".repeat(header.length)).append('\n');
    for (String[] r : rows) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
  }

  // ------------------------------------------------------------------ html

  static String html(List<Cell> cells, List<RunRecord> runs, List<String> problems,
      List<String> header, Map<String, Expected> expected) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>GMMVI reproduction report</title><style>"
        + "body{font-family:sans-serif;max-width:1200px;margin:2em auto}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;"
        + "padding:4px 8px;text-align:right}th{background:#eee}td:first-child,td:nth-child(2)"
        + "{text-align:left}img{max-width:100%}</style></head><body>\n");
    sb.append("<h1>GMMVI reproduction report</h1>\n<p>Generated ").append(esc(
        Instant.now().toString())).append(".</p>\n");
    if (!header.isEmpty()) {
      sb.append("<ul>");
      header.forEach(h -> sb.append("<li>").append(esc(h)).append("</li>"));
      sb.append("</ul>\n");
    }
    sb.append("<p>").append(esc(INTRO)).append("</p>\n<h2>Final −ELBO</h2>\n");
    htmlTable(sb, MAIN_HEADER, mainRows(cells, expected));
    List<String> missing = missingLines(cells, runs, expected);
    if (!missing.isEmpty()) {
      sb.append("<h2>Missing or failed runs</h2>\n<ul>");
      missing.forEach(m -> sb.append("<li>").append(esc(m)).append("</li>"));
      sb.append("</ul>\n");
    }
    sb.append("<h2>Secondary metrics</h2>\n");
    htmlTable(sb, SECONDARY_HEADER, secondaryRows(cells));
    sb.append("<h2>Learning curves</h2>\n");
    for (String p : problems) {
      sb.append("<h3>").append(esc(p)).append("</h3><img src=\"").append(esc(plotName(p)))
          .append("\" alt=\"learning curves ").append(esc(p)).append("\">\n");
    }
    sb.append("<h2>Runs</h2>\n");
    htmlTable(sb, RUN_HEADER, runRows(runs));
    return sb.append("</body></html>\n").toString();
  }

  private static void htmlTable(StringBuilder sb, String[] header, List<String[]> rows) {
    sb.append("<table><tr>");
    for (String h : header) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr>\n");
    for (String[] r : rows) {
      sb.append("<tr>");
      for (String c : r) {
        sb.append("<td>").append(esc(c)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
