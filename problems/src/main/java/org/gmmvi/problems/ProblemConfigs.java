package org.gmmvi.problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the default experiment configurations of PROBLEMS.md §3.2 (reference key names). */
public final class ProblemConfigs {

  /** Default {@code max_database_size} of a run (§6.2). */
  public static final long DEFAULT_MAX_DATABASE_SIZE = 10_000_000L;
  /** Default first run seed of Experiment 3 (§3.1). */
  public static final long START_SEED = 10_000L;

  private ProblemConfigs() {}

  /**
   * A default experiment config map.
   *
   * @param environmentName   the reference's {@code environment_name}
   * @param environmentConfig the reference's {@code environment_config}
   * @param numInitial        K0
   * @param priorScale        {@code s0}: a {@code Double} or a {@code List<Double>}
   * @param initialCov        {@code c0}: a {@code Double} or a {@code List<Double>}
   * @param logInterval       {@code log_metrics_interval}
   * @param maxDatabaseSize   {@code max_database_size}
   */
  public static Map<String, Object> defaults(String environmentName,
      Map<String, Object> environmentConfig, int numInitial, Object priorScale, Object initialCov,
      int logInterval, long maxDatabaseSize) {
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("use_diagonal_covs", false);
    init.put("num_initial_components", numInitial);
    init.put("prior_mean", 0.0);
    init.put("prior_scale", copy(priorScale));
    init.put("initial_cov", copy(initialCov));
    Map<String, Object> runner = new LinkedHashMap<>();
    runner.put("log_metrics_interval", logInterval);
    Map<String, Object> c = new LinkedHashMap<>();
    // Integers where they fit, as the JSON configurations parse (Jackson gives Integer there).
    c.put("start_seed", Math.toIntExact(START_SEED));
    c.put("environment_name", environmentName);
    c.put("environment_config", new LinkedHashMap<>(environmentConfig));
    c.put("model_initialization", init);
    c.put("gmmvi_runner_config", runner);
    c.put("use_sample_database", true);
    c.put("max_database_size", maxDatabaseSize <= Integer.MAX_VALUE ? (Object) (int) maxDatabaseSize
        : (Object) maxDatabaseSize);
    c.put("temperature", 1.0);
    return c;
  }

  /** {@code (first, rest, rest, …)} of length {@code n}. */
  public static List<Double> firstAndRest(double first, double rest, int n) {
    List<Double> l = new ArrayList<>(n);
    l.add(first);
    for (int i = 1; i < n; i++) {
      l.add(rest);
    }
    return l;
  }

  private static Object copy(Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : o;
  }
}
