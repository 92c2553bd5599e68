package org.gmmvi.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.gmmvi.problems.gmm.GmmProblem;
import org.gmmvi.problems.logreg.LogisticRegressionProblem;
import org.gmmvi.problems.planar.PlanarRobotProblem;
import org.gmmvi.problems.stm.StmProblem;
import org.gmmvi.problems.talos.TalosProblem;
import org.gmmvi.problems.wine.WineProblem;

/**
 * The registry of test problems by name (PROBLEMS.md §2).
 *
 * <p>Built in: {@code breast_cancer}, {@code breast_cancer_mb}, {@code breast_cancer_testsplit},
 * {@code german_credit}, {@code german_credit_mb}, {@code german_credit_testsplit},
 * {@code planar_robot_4}, {@code planar_robot_1}, {@code gmm20}, {@code gmm100}, {@code stm20},
 * {@code stm300}, {@code wine} and {@code talos}, one {@link Problem} class per package.
 *
 * <p><b>Hook for further problems</b>: implement {@link Problem} with a public no-argument
 * constructor and list the class in
 * {@code problems/src/main/resources/META-INF/services/org.gmmvi.problems.Problem}; such problems
 * are discovered through {@link ServiceLoader} when the registry is first used. {@link #register}
 * adds a problem at run time (tests, experiments).
 */
public final class Problems {

  private static final Map<String, Problem> REGISTRY = Collections.synchronizedMap(
      new LinkedHashMap<>());

  static {
    List<Problem> builtIn = new ArrayList<>();
    builtIn.addAll(LogisticRegressionProblem.all());
    builtIn.addAll(PlanarRobotProblem.all());
    builtIn.addAll(GmmProblem.all());
    builtIn.addAll(StmProblem.all());
    builtIn.add(new WineProblem());
    builtIn.add(new TalosProblem());
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
