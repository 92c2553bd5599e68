package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runner-level keys that are not part of the algorithm (ALGORITHM.md §3.4 and the reference's
 * experiment files, e.g. {@code shared/data/configs/exp3_eval_configs.json}). The optimizer ignores
 * all of them except {@link #seed()} (used when the builder is given no explicit seed); they are kept
 * so that a config round-trips and the command line can read them.
 *
 * <p>Accepted keys: {@code seed}, {@code start_seed}, {@code max_iterations},
 * {@code log_metrics_interval}, {@code gmmvi_runner_config} (map, unchecked apart from the type of
 * its {@code log_metrics_interval}),
 * {@code environment_name}, {@code environment_config} (map, problem-specific, not checked here),
 * {@code mmd_evaluation_config} (map), {@code repetitions}, {@code wall_clock_limit},
 * {@code cpu_cores}, {@code evaluated_at_seconds}, {@code max_target_evaluations},
 * {@code num_elbo_samples}, {@code schema_version}. Types of the numeric ones are checked.
 *
 * @param values the accepted keys present in the config, in config order
 */
public record ExperimentSettings(Map<String, Object> values) {

  /** Every accepted runner key. */
  public static final List<String> KEYS = List.of("seed", "start_seed", "max_iterations",
      "log_metrics_interval", "gmmvi_runner_config", "environment_name", "environment_config",
      "mmd_evaluation_config", "repetitions", "wall_clock_limit", "cpu_cores",
      "evaluated_at_seconds", "max_target_evaluations", "num_elbo_samples", "schema_version");

  private static final List<String> INTEGER_KEYS = List.of("seed", "start_seed", "max_iterations",
      "log_metrics_interval", "repetitions", "max_target_evaluations", "num_elbo_samples",
      "schema_version");

  public ExperimentSettings {
    values = ConfigMaps.deepCopy(values);
  }

  static ExperimentSettings parse(Map<String, Object> top) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (String k : KEYS) {
      if (top.containsKey(k)) {
        Object val = top.get(k);
        if (val != null && INTEGER_KEYS.contains(k)) {
          ConfigSection.toLong(k, val, "runner setting");
        }
        if (val != null && (k.endsWith("_config")) && !(val instanceof Map)) {
          throw new ConfigException(k + " must be a map, got " + ConfigSection.describe(val));
        }
        if (val != null && k.equals("environment_name") && !(val instanceof String)) {
          throw new ConfigException("environment_name must be a string, got "
              + ConfigSection.describe(val));
        }
        v.put(k, val);
      }
    }
    // gmmvi_runner_config belongs to the runner: only the type of log_metrics_interval is checked.
    if (v.get("gmmvi_runner_config") instanceof Map<?, ?> rc) {
      ConfigSection s = ConfigSection.of("gmmvi_runner_config", rc);
      if (s.has("log_metrics_interval")) {
        s.integer("log_metrics_interval", 1, "iterations between expensive metrics");
      }
    }
    return new ExperimentSettings(v);
  }

  private Long longValue(String key) {
    Object v = values.get(key);
    return v == null ? null : ConfigSection.toLong(key, v, "runner setting");
  }

  /** {@code seed}, else {@code start_seed}, else {@code null}. */
  public Long seed() {
    Long s = longValue("seed");
    return s != null ? s : longValue("start_seed");
  }

  /** {@code max_iterations}, or {@code null}. */
  public Long maxIterations() {
    return longValue("max_iterations");
  }

  /** {@code log_metrics_interval} (top level or in {@code gmmvi_runner_config}), or {@code null}. */
  public Long logMetricsInterval() {
    Long l = longValue("log_metrics_interval");
    if (l == null && values.get("gmmvi_runner_config") instanceof Map<?, ?> rc
        && rc.get("log_metrics_interval") != null) {
      l = ConfigSection.toLong("log_metrics_interval", rc.get("log_metrics_interval"), "");
    }
    return l;
  }

  /** {@code environment_name}, or {@code null}. */
  public String environmentName() {
    return (String) values.get("environment_name");
  }

  /** A copy of {@code environment_config} (empty if absent). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> environmentConfig() {
    Object v = values.get("environment_config");
    return v == null ? new LinkedHashMap<>()
        : ConfigMaps.deepCopy((Map<String, Object>) v);
  }

  /** The raw value of an accepted key (or {@code null}). */
  public Object get(String key) {
    return values.get(key);
  }

  @Override
  public Map<String, Object> values() {
    return ConfigMaps.deepCopy(values);
  }
}
