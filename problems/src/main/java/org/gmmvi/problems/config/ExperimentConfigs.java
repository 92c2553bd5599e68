package org.gmmvi.problems.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.DataFormatException;

/**
 * The paper's tuned Experiment-3 configurations ({@code configs/exp3_eval_configs.json},
 * PROBLEMS.md §6.3) by registry problem name and codeword.
 *
 * <p>{@link #config} returns the fully merged configuration (module defaults of the codeword's
 * letters, then the problem config, then the evaluation file's sections) as a nested
 * {@code Map<String, Object>} with the reference's key names, exactly as stored in the JSON, with one
 * normalisation: a one-element list for {@code max_database_size} (SAMTROX on GMM100, §6.3) becomes
 * its single number. For a codeword (or problem) without an Experiment-3 entry it returns the
 * problem's {@linkplain Problem#defaultExperimentConfig() default experiment config}, and module
 * defaults apply for everything else.
 *
 * <p>JSON problem ids map to registry names through {@link Problem#referenceId()}: BC →
 * breast_cancer, BC_mb → breast_cancer_mb, BC_TESTSPLIT → breast_cancer_testsplit, GC…, Planar4 →
 * planar_robot_4, GMM20, GMM100, STM20, STM300 → lower case, WINE → wine, TALOS → talos.
 */
public final class ExperimentConfigs {

  /** The evaluation file below the data directory. */
  public static final String FILE = "configs/exp3_eval_configs.json";

  private static final Map<Path, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

  private ExperimentConfigs() {}

  /** A complete Experiment-3 run entry ({@code config}, {@code max_iterations}, …). */
  public record EvaluationRun(Map<String, Object> config, long maxIterations, int repetitions,
      String wallClockLimit, int cpuCores) {}

  /**
   * The configuration of {@code codeword} on {@code problem}: the tuned Experiment-3 setting if the
   * evaluation file has one, else the problem's default experiment config. A fresh mutable map.
   *
   * @throws IllegalArgumentException if the codeword is not seven letters
   */
  public static Map<String, Object> config(Problem problem, String codeword, DataDirectory data) {
    return evaluationRun(problem, codeword, data).map(EvaluationRun::config)
        .orElseGet(problem::defaultExperimentConfig);
  }

  /** The Experiment-3 run entry of {@code codeword} on {@code problem}, if the file has one. */
  @SuppressWarnings("unchecked")
  public static Optional<EvaluationRun> evaluationRun(Problem problem, String codeword,
      DataDirectory data) {
    String cw = normalizeCodeword(codeword);
    Optional<String> id = problem.referenceId();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> runs = (Map<String, Object>) load(data).get("runs");
    if (runs == null) {
      throw new DataFormatException(data.file(FILE) + ": no 'runs' object");
    }
    Map<String, Object> byCodeword = (Map<String, Object>) runs.get(id.get());
    if (byCodeword == null || !byCodeword.containsKey(cw)) {
      return Optional.empty();
    }
    Map<String, Object> run = (Map<String, Object>) deepCopy(byCodeword.get(cw));
    Map<String, Object> config = (Map<String, Object>) run.get("config");
    if (config == null) {
      throw new DataFormatException(data.file(FILE) + ": runs." + id.get() + "." + cw
          + " has no 'config'");
    }
    if (config.get("max_database_size") instanceof List<?> l && l.size() == 1) {
      config.put("max_database_size", l.get(0));
    }
    return Optional.of(new EvaluationRun(config, number(run, "max_iterations", 1_000_000L),
        (int) number(run, "repetitions", 10), String.valueOf(run.get("wall_clock_limit")),
        (int) number(run, "cpu_cores", 1)));
  }

  /** Codewords with an Experiment-3 entry for {@code problem} (empty if none). */
  @SuppressWarnings("unchecked")
  public static List<String> codewords(Problem problem, DataDirectory data) {
    if (problem.referenceId().isEmpty()) {
      return List.of();
    }
    Map<String, Object> runs = (Map<String, Object>) load(data).get("runs");
    Map<String, Object> byCodeword = (Map<String, Object>) runs.get(problem.referenceId().get());
    return byCodeword == null ? List.of() : List.copyOf(byCodeword.keySet());
  }

  private static long number(Map<String, Object> run, String key, long fallback) {
    return run.get(key) instanceof Number n ? n.longValue() : fallback;
  }

  private static String normalizeCodeword(String codeword) {
    if (codeword == null || !codeword.trim().matches("[A-Za-z]{7}")) {
      throw new IllegalArgumentException("a codeword has seven letters (e.g. SAMTRON), got '"
          + codeword + "'");
    }
    return codeword.trim().toUpperCase(java.util.Locale.ROOT);
  }

  private static Map<String, Object> load(DataDirectory data) {
    Path file = data.file(FILE);
    return CACHE.computeIfAbsent(file.toAbsolutePath(), p -> {
      try {
        return new ObjectMapper().readValue(p.toFile(), new TypeReference<>() {});
      } catch (IOException e) {
        throw new DataFormatException(p + ": not valid JSON (" + e.getMessage() + ")", e);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put((String) k, deepCopy(v)));
      return c;
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>(l.size());
      l.forEach(v -> c.add(deepCopy(v)));
      return c;
    }
    return o;
  }
}
