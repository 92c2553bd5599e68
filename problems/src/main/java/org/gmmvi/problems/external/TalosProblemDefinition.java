package org.gmmvi.problems.external;

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
import org.gmmvi.problems.talos.TalosProblemFactory;

/**
 * Registry entry {@code talos} (PROBLEMS.md §4.8) over the TALOS package's
 * {@link TalosProblemFactory}: the deterministic inverse-kinematics target with the paper's context
 * (0.1, 0.5, 1.0), the URDF read at run time from {@code talos/talos_reduced.urdf}. Metrics hook:
 * {@code entropy} = {@code −mean log q} of the evaluation samples (§5.6, the paper's secondary
 * metric for TALOS).
 */
public final class TalosProblemDefinition implements Problem {

  @Override
  public String name() {
    return "talos";
  }

  @Override
  public int dimension() {
    return 34;
  }

  @Override
  public String description() {
    return "TALOS humanoid whole-body inverse kinematics, left gripper to (0.1, 0.5, 1.0)";
  }

  @Override
  public List<String> dataFiles() {
    return List.of(TalosProblemFactory.URDF_PATH);
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
    List<Double> context = new java.util.ArrayList<>();
    for (double c : TalosProblemFactory.defaultContext()) {
      context.add(c);
    }
    env.put("context", context);
    return ProblemConfigs.defaults("Talos", env, 1, TalosProblemFactory.PRIOR_SCALE,
        TalosProblemFactory.INITIAL_COVARIANCE, defaultLogInterval(), 500_000L);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    data.file(TalosProblemFactory.URDF_PATH);
    var tp = TalosProblemFactory.create(data.root(), seed);
    MetricsHook hook = (samples, m, logQ, means, k) -> {
      double s = 0.0;
      for (int i = 0; i < m; i++) {
        s -= logQ[i];
      }
      return Map.of("entropy", s / m);
    };
    return new ProblemInstance(this, seed, tp.target(), hook);
  }
}
