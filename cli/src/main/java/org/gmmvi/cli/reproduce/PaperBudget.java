package org.gmmvi.cli.reproduce;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmmvi.cli.report.PaperResults;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.config.ExperimentConfigs;
import org.gmmvi.problems.io.DataDirectory;

/**
 * The paper's wall-clock budget of a problem: its time limit and core count, from the table of
 * PAPER-RESULTS.md ({@link PaperResults#limit}, e.g. {@code "2 h, 5 cores"}) or, for the problems
 * that table leaves out (stm20, wine, talos, the mini-batch BreastCancer), from the evaluation
 * file's {@code wall_clock_limit} and {@code cpu_cores} (PROBLEMS.md §6.3).
 *
 * @param limit the paper's wall-clock limit per run
 * @param cores the paper's cores per run
 * @param text  the budget as the paper states it
 */
public record PaperBudget(Duration limit, int cores, String text) {

  private static final Pattern TIME =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(h|min|m|s)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CORES = Pattern.compile("(\\d+)\\s*cores");

  /** The paper's budget of {@code problem}, if known. */
  public static Optional<PaperBudget> of(Problem problem, DataDirectory data) {
    Optional<String> tab = PaperResults.get().limit(problem.name());
    if (tab.isPresent()) {
      return parse(tab.get(), -1);
    }
    try {
      for (String cw : ExperimentConfigs.codewords(problem, data)) {
        var run = ExperimentConfigs.evaluationRun(problem, cw, data).orElseThrow();
        return parse(run.wallClockLimit(), run.cpuCores());
      }
    } catch (RuntimeException e) {
      return Optional.empty(); // no evaluation file: no paper budget
    }
    return Optional.empty();
  }

  /**
   * Parses {@code "8 h, 5 cores"}, {@code "30min"}, {@code "2h"}.
   *
   * @param cores the cores if the text has none ({@code < 1}: 1)
   */
  static Optional<PaperBudget> parse(String text, int cores) {
    Matcher m = TIME.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    double v = Double.parseDouble(m.group(1));
    double seconds = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
      case "h" -> v * 3600;
      case "min", "m" -> v * 60;
      default -> v;
    };
    Matcher c = CORES.matcher(text);
    int n = c.find() ? Integer.parseInt(c.group(1)) : Math.max(1, cores);
    String shown = text.contains("core") ? text : text + ", " + n + " cores";
    return Optional.of(new PaperBudget(Duration.ofMillis(Math.round(seconds * 1000)), n, shown));
  }
}
