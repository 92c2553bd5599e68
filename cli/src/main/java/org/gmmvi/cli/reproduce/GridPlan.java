package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gmmvi.cli.report.ReportWriter;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.TimeLimit;

/**
 * Every run of a {@link GridSpec} as {@link RunTask}s, with the per-cell facts the executors and
 * the report need: the budget used and the paper's, whether the two are comparable, the resource
 * estimate and the SLURM time limit.
 *
 * @param tasks all runs of the grid in problem, codeword, seed order
 * @param cells the cells by {@link RunTask#cell()}
 */
public record GridPlan(List<RunTask> tasks, Map<String, CellPlan> cells) {

  /**
   * One problem × codeword cell.
   *
   * @param budgetUsed  the budget of its runs, as shown in the report
   * @param paperBudget the paper's budget ("—" if unknown)
   * @param comparable  whether the budget is at least the paper's (paper budget, full budget, or
   *                    an evaluation budget at least the full one)
   * @param estimate    memory and disk of one run
   * @param slurmTime   the default SLURM {@code --time} of one run
   */
  public record CellPlan(String problem, String codeword, String budgetUsed, String paperBudget,
      boolean comparable, ResourceEstimate estimate, Duration slurmTime) {}

  /** What the plan needs to know about a problem. */
  public record ProblemFacts(RunProblem problem, PaperBudget paper, long dataBytes) {}

  /**
   * The plan of {@code g} in {@code root}.
   *
   * @param facts   the facts of a problem name
   * @param threads evaluation threads of one run given the problem's paper budget (may be null)
   */
  public static GridPlan of(GridSpec g, Path root, Function<String, ProblemFacts> facts,
      Function<PaperBudget, Integer> threads) {
    List<RunTask> tasks = new ArrayList<>();
    Map<String, CellPlan> cells = new LinkedHashMap<>();
    Path abs = root.toAbsolutePath().normalize();
    boolean paperMode = "paper".equals(g.budget());
    for (String pn : g.problems()) {
      ProblemFacts f = facts.apply(pn);
      RunProblem p = f.problem();
      if (paperMode && f.paper() == null) {
        throw new IllegalArgumentException("--budget paper: the paper gives no wall-clock limit"
            + " for " + pn + " (PAPER-RESULTS.md, configs/exp3_eval_configs.json)");
      }
      long full = p.budget("full");
      long evals = g.maxEvals() != null ? g.maxEvals()
          : paperMode ? Long.MAX_VALUE : p.budget(g.budget());
      String name = g.maxEvals() != null ? "custom" : g.budget();
      double limit = paperMode ? f.paper().limit().toMillis() / 1000.0 : 0;
      int t = threads.apply(f.paper());
      boolean comparable = paperMode || (evals >= full && !"smoke".equals(name));
      for (String cw : g.codewords()) {
        int iters = g.maxIterations() != null ? g.maxIterations() : p.iterationCap(cw);
        ResourceEstimate est = ResourceEstimate.of(p, cw, evals, f.dataBytes(), t);
        String used = paperMode ? TimeLimit.format(limit) + " wall-clock (paper)"
            : String.format(Locale.ROOT, "%,d evaluations (%s)", evals, name);
        Duration time = SlurmExecutor.defaultTime(f.paper(), paperMode,
            paperMode ? 1 : (double) evals / full);
        cells.put(pn + "/" + cw, new CellPlan(pn, cw, used,
            f.paper() == null ? "—" : f.paper().text(), comparable, est, time));
        for (long seed : g.seedList()) {
          tasks.add(new RunTask(pn, cw, seed, ReportWriter.runDir(abs, pn, cw, seed), name,
              evals, iters, limit, t, est.heapBytes()));
        }
      }
    }
    return new GridPlan(List.copyOf(tasks), cells);
  }

  /** The tasks whose runs are not complete with their budget. */
  public List<RunTask> missing() throws IOException {
    List<RunTask> out = new ArrayList<>();
    for (RunTask t : tasks) {
      if (!TaskRunner.isComplete(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
