package org.gmmvi.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The resolved settings of one run.
 *
 * @param codeword           algorithm codeword (upper case)
 * @param seed               run seed
 * @param budget             where the evaluation budget came from ({@code run.json}'s {@code budget})
 * @param maxEvaluations     stop once this many target evaluations were made
 * @param maxIterations      stop after this many iterations
 * @param timeLimit          stop after this much wall-clock time (cumulative over resumes); null
 * @param out                run directory
 * @param resume             continue from the directory's checkpoint
 * @param threads            target-evaluation threads
 * @param userConfigs        config layers from {@code --config} files, merged in order over the
 *                           problem's experiment config
 * @param checkpointSeconds  minimum wall-clock spacing of periodic checkpoints
 * @param checkpointIterations write a checkpoint at least every this many iterations (0: only by time)
 * @param quiet              no progress display (parallel runs of {@code reproduce})
 * @param finalSamples       samples of the precise −ELBO of the final model (0: none)
 * @param keepCheckpoint     keep {@code checkpoint.bin} after the run completed at its budget or
 *                           iteration cap (it is always kept after a time limit, an interrupt or
 *                           a failure, which are meant to be resumed)
 * @param convergence        the opt-in convergence stop; null: off
 */
public record RunSettings(String codeword, long seed, BudgetKind budget, long maxEvaluations,
    int maxIterations, Duration timeLimit, Path out, boolean resume, int threads,
    List<Map<String, Object>> userConfigs, double checkpointSeconds, int checkpointIterations,
    boolean quiet, int finalSamples, boolean keepCheckpoint, ConvergenceStop convergence) {

  /**
   * Settings without {@code keepCheckpoint} and convergence stop (both off), the budget kind given
   * by name ({@link BudgetKind#of}).
   */
  public RunSettings(String codeword, long seed, String budgetName, long maxEvaluations,
      int maxIterations, Duration timeLimit, Path out, boolean resume, int threads,
      List<Map<String, Object>> userConfigs, double checkpointSeconds, int checkpointIterations,
      boolean quiet, int finalSamples) {
    this(codeword, seed, BudgetKind.of(budgetName), maxEvaluations, maxIterations, timeLimit, out, resume,
        threads, userConfigs, checkpointSeconds, checkpointIterations, quiet, finalSamples, false,
        null);
  }

  /** The budget kind's name as {@code run.json} records it ({@code full}, {@code smoke}, ...). */
  public String budgetName() {
    return budget.jsonName();
  }

  /** The default of {@code finalSamples}: a standard error of about 0.003 on breast_cancer. */
  public static final int DEFAULT_FINAL_SAMPLES = 100_000;
}
