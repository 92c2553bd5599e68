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
 * @param budgetName         {@code "full"}, {@code "smoke"} or {@code "custom"}
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
 */
public record RunSettings(String codeword, long seed, String budgetName, long maxEvaluations,
    int maxIterations, Duration timeLimit, Path out, boolean resume, int threads,
    List<Map<String, Object>> userConfigs, double checkpointSeconds, int checkpointIterations,
    boolean quiet, int finalSamples) {

  /** The default of {@code finalSamples}: a standard error of about 0.003 on breast_cancer. */
  public static final int DEFAULT_FINAL_SAMPLES = 100_000;
}
