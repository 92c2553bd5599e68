package org.gmmvi.problems.talos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmmvi.problems.Budget;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.ProblemConfigs;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.metrics.MetricsHook;

/**
 * TALOS (PROBLEMS.md §4.8): whole-body inverse kinematics of the TALOS humanoid with the paper's
 * left-gripper goal (0.1, 0.5, 1.0). The target is deterministic, so the run seed plays no role in
 * it; the robot description is read from {@code <data>/talos/talos_reduced.urdf} at run time (its
 * licence forbids shipping a copy). Metrics hook: {@code entropy} = {@code −mean log q} of the
 * evaluation samples (§5.6, the paper's secondary metric for TALOS).
 */
public final class TalosProblem implements Problem {

  /** Path of the URDF below the data directory. */
  public static final String URDF_PATH = "talos/talos_reduced.urdf";

  /** Standard deviation of the initial means around 0 (§3.2). */
  public static final double PRIOR_SCALE = 1.0;

  /** Initial covariance {@code c0·I} (§3.2). */
  public static final double INITIAL_COVARIANCE = 1.0;

  /** The only context the paper uses: left-gripper goal (0.1, 0.5, 1.0) m (a fresh array). */
  public static double[] defaultContext() {
    return new double[] {0.1, 0.5, 1.0};
  }

  /**
   * The target with left-gripper goal {@code context}, robot read from {@link #URDF_PATH}.
   *
   * @throws org.gmmvi.problems.io.DataMissingException if the URDF is missing
   */
  public static TalosTarget target(DataDirectory data, double[] context) {
    return TalosTarget.load(data.file(URDF_PATH), context);
  }

  @Override
  public String name() {
    return "talos";
  }

  @Override
  public int dimension() {
    return TalosTarget.DIM;
  }

  @Override
  public String description() {
    return "TALOS humanoid whole-body inverse kinematics, left gripper to (0.1, 0.5, 1.0)";
  }

  @Override
  public List<String> dataFiles() {
    return List.of(URDF_PATH);
  }

  @Override
  public Budget budget() {
    return Budget.of(10_000_000L, 300_000L);
  }

  @Override
  public int defaultLogInterval() {
    return 500;
  }

  @Override
  public Optional<String> referenceId() {
    return Optional.of("TALOS");
  }

  @Override
  public Map<String, Object> defaultExperimentConfig() {
    Map<String, Object> env = new LinkedHashMap<>();
    List<Double> context = new ArrayList<>();
    for (double c : defaultContext()) {
      context.add(c);
    }
    env.put("context", context);
    return ProblemConfigs.defaults("Talos", env, 1, PRIOR_SCALE, INITIAL_COVARIANCE,
        defaultLogInterval(), 500_000L);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    TalosTarget target = target(data, defaultContext());
    MetricsHook hook = (samples, m, logQ, means, k) -> {
      double s = 0.0;
      for (int i = 0; i < m; i++) {
        s -= logQ[i];
      }
      return Map.of("entropy", s / m);
    };
    return new ProblemInstance(this, seed, target, hook);
  }
}
