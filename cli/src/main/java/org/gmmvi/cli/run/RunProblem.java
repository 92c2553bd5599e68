package org.gmmvi.cli.run;

import java.util.Locale;
import java.util.Map;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.target.Target;

/**
 * What the runner needs to know about a problem: a paper problem from the registry
 * ({@link RegistryProblem}) or a user-supplied target class ({@link UserTargetProblem}).
 */
public interface RunProblem {

  /** Secondary metrics of one logging step from the 2000 evaluation samples. */
  @FunctionalInterface
  interface Metrics {
    /** No secondary metrics. */
    Metrics NONE = (model, samples, m, logQ) -> Map.of();

    /**
     * Named metrics in a stable order.
     *
     * @param model   the model the samples were drawn from
     * @param samples {@code m × D} evaluation samples (row-major)
     * @param m       number of samples (2000)
     * @param logQ    {@code m} model log-densities of the samples
     */
    Map<String, Double> evaluate(GmmModel model, double[] samples, int m, double[] logQ);
  }

  /**
   * A problem instantiated for one seed.
   *
   * @param target  the target
   * @param metrics the secondary metrics hook (may use its own data, e.g. a full-batch target)
   */
  record Instance(Target target, Metrics metrics) {}

  /** Name used in directories and reports (e.g. {@code gmm20}). */
  String name();

  /** Dimension of the target. */
  int dimension();

  /** A new instance for run seed {@code seed} (GMM/STM targets depend on the seed). */
  Instance instantiate(long seed);

  /**
   * The problem's experiment config for {@code codeword} (reference keys: module configs,
   * {@code model_initialization}, {@code gmmvi_runner_config.log_metrics_interval}, …).
   */
  Map<String, Object> experimentConfig(String codeword);

  /** Target-evaluation budget {@code "full"} or {@code "smoke"}. */
  long budget(String which);

  /** Reference iteration cap (1,000,000; ZAMTRUX 100,000; PROBLEMS.md §3.4-3.5). */
  default int iterationCap(String codeword) {
    return codeword.toUpperCase(Locale.ROOT).startsWith("Z") ? 100_000 : 1_000_000;
  }

  /** Log interval used when the config does not set {@code log_metrics_interval}. */
  default int defaultLogInterval() {
    return 100;
  }
}
