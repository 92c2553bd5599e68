package org.gmmvi.problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmmvi.core.target.Target;
import org.gmmvi.problems.io.DataDirectory;

/**
 * One of the paper's test problems (PROBLEMS.md §2): its name in the registry, dimension, data, budgets,
 * default experiment configuration and how to build its target and metrics for a run seed.
 *
 * <p>Implementations are registered in {@link Problems}: the built-in ones (one class per package,
 * e.g. {@code gmm.GmmProblem}, {@code wine.WineProblem}) directly, further ones through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.gmmvi.problems.Problem} file listing
 * the classes, each with a public no-argument constructor) or {@link Problems#register(Problem)}.
 */
public interface Problem {

  /** Registry name, e.g. {@code "gmm20"} (lower case, as in PROBLEMS.md §2). */
  String name();

  /** Dimension D of the target. */
  int dimension();

  /** One-line description for listings. */
  String description();

  /**
   * Data files (relative to the data directory) the problem needs; empty if none (optional files,
   * such as shipped random targets that can be regenerated, are not listed).
   */
  List<String> dataFiles();

  /** Evaluation budgets (§3.5). */
  Budget budget();

  /** Default {@code log_metrics_interval} of the problem's experiment config (§3.2). */
  int defaultLogInterval();

  /**
   * The problem's id in {@code configs/exp3_eval_configs.json} (e.g. {@code "BC_mb"}), or empty if
   * it has no Experiment-3 configuration.
   */
  Optional<String> referenceId();

  /**
   * The problem's default experiment configuration before codeword overrides (§3.2), with the
   * reference's key names: {@code environment_name}, {@code environment_config},
   * {@code model_initialization} ({@code num_initial_components}, {@code prior_mean},
   * {@code prior_scale}, {@code initial_cov}, {@code use_diagonal_covs}),
   * {@code gmmvi_runner_config.log_metrics_interval}, {@code use_sample_database},
   * {@code max_database_size}, {@code temperature}, {@code start_seed}. A fresh mutable map.
   */
  Map<String, Object> defaultExperimentConfig();

  /**
   * Builds target and metrics hook for run seed {@code seed}. Mini-batch targets get their own
   * {@link org.gmmvi.core.random.Rng} derived from the seed.
   *
   * @throws org.gmmvi.problems.io.DataMissingException if a data file is missing
   */
  ProblemInstance instantiate(long seed, DataDirectory data);

  /** The target for run seed {@code seed} (see {@link #instantiate}). */
  default Target create(long seed, DataDirectory data) {
    return instantiate(seed, data).target();
  }
}
