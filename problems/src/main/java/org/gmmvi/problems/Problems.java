package org.gmmvi.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.gmmvi.problems.external.TalosProblemDefinition;
import org.gmmvi.problems.external.WineProblemDefinition;
import org.gmmvi.problems.gmm.GmmProblem;
import org.gmmvi.problems.logreg.LogisticRegressionProblem;
import org.gmmvi.problems.planar.PlanarRobotProblem;
import org.gmmvi.problems.stm.StmProblem;

/**
 * The registry of test problems by name (PROBLEMS.md §2).
 *
 * <p>Built in: {@code breast_cancer}, {@code breast_cancer_mb}, {@code breast_cancer_testsplit},
 * {@code german_credit}, {@code german_credit_mb}, {@code german_credit_testsplit},
 * {@code planar_robot_4}, {@code planar_robot_1}, {@code gmm20}, {@code gmm100}, {@code stm20},
 * {@code stm300}, and {@code wine}, {@code talos} (adapters in {@code org.gmmvi.problems.external}
 * over the factories of packages {@code org.gmmvi.problems.wine} and {@code .talos}).
 *
 * <p><b>Hook for further problems</b>: implement {@link Problem} with a public no-argument
 * constructor and list the class in
 * {@code problems/src/main/resources/META-INF/services/org.gmmvi.problems.Problem}; such problems
 * are discovered through {@link ServiceLoader} when the registry is first used. {@link #register}
 * adds a problem at run time (tests, experiments). If {@code wine} or {@code talos} were missing
 * from a build, asking for them gives an error saying that the problem is not part of this build.
 */
public final class Problems {

  /** Names of the paper's problems provided by separate packages (see class doc). */
  public static final List<String> EXTERNAL = List.of("wine", "talos");

  private static final Map<String, Problem> REGISTRY = Collections.synchronizedMap(
      new LinkedHashMap<>());

  static {
    List<Problem> builtIn = new ArrayList<>();
    builtIn.addAll(LogisticRegressionProblem.all());
    builtIn.addAll(PlanarRobotProblem.all());
    builtIn.addAll(GmmProblem.all());
    builtIn.addAll(StmProblem.all());
    builtIn.add(new WineProblemDefinition());
    builtIn.add(new TalosProblemDefinition());
    builtIn.forEach(Problems::register);
    for (Problem p : ServiceLoader.load(Problem.class, Problems.class.getClassLoader())) {
      register(p);
    }
  }

  private Problems() {}

  /**
   * Adds a problem.
   *
   * @throws IllegalArgumentException if the name is taken or not lower-case {@code [a-z0-9_]+}
   */
  public static void register(Problem problem) {
    String name = problem.name();
    if (name == null || !name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("problem names are lower-case [a-z0-9_]+, got '" + name
          + "'");
    }
    synchronized (REGISTRY) {
      if (REGISTRY.containsKey(name)) {
        throw new IllegalArgumentException("a problem named '" + name + "' is already registered");
      }
      REGISTRY.put(name, problem);
    }
  }

  /** All registered names, in registration order. */
  public static List<String> names() {
    synchronized (REGISTRY) {
      return List.copyOf(REGISTRY.keySet());
    }
  }

  /** All registered problems, in registration order. */
  public static List<Problem> all() {
    synchronized (REGISTRY) {
      return List.copyOf(REGISTRY.values());
    }
  }

  /** Whether {@code name} is registered. */
  public static boolean contains(String name) {
    return REGISTRY.containsKey(name);
  }

  /**
   * The problem called {@code name} (case-insensitive, '-' accepted for '_').
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid names and suggesting
   *     the closest one
   */
  public static Problem get(String name) {
    if (name == null) {
      throw new IllegalArgumentException("problem name is null; valid names: " + names());
    }
    String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    Problem p = REGISTRY.get(key);
    if (p != null) {
      return p;
    }
    if (EXTERNAL.contains(key)) {
      throw new IllegalArgumentException("problem '" + key + "' is not part of this build (it is "
          + "provided by package org.gmmvi.problems." + key + "); available: "
          + String.join(", ", names()));
    }
    throw new IllegalArgumentException("unknown problem '" + name + "'"
        + suggestion(key) + "; valid names: " + String.join(", ", names()));
  }

  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names()) {
      int dist = editDistance(key, n);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = n;
      }
    }
    if (best == null || bestDistance > Math.max(3, best.length() / 2)) {
      return "";
    }
    return " (did you mean '" + best + "'?)";
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
