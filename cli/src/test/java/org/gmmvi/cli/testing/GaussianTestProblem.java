package org.gmmvi.cli.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmmvi.problems.Budget;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.ProblemConfigs;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.metrics.MetricsHook;

/**
 * A registry problem for the runner's tests: {@link GaussianTestTarget} (D = 2, no data), budgets
 * 3000 (full) / 600 (smoke), metrics every 5 iterations, a secondary metric {@code mean_x0} (the
 * mean of the evaluation samples' first coordinate, which tends to the target mean 1).
 */
public final class GaussianTestProblem implements Problem {

  /** Registry name. */
  public static final String NAME = "cli_test_gaussian";

  /** Registers the problem once per JVM. */
  public static synchronized void register() {
    if (!Problems.contains(NAME)) {
      Problems.register(new GaussianTestProblem());
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public String description() {
    return "2-D Gaussian for the cli tests";
  }

  @Override
  public List<String> dataFiles() {
    return List.of();
  }

  @Override
  public Budget budget() {
    return Budget.of(3000, 600);
  }

  @Override
  public int defaultLogInterval() {
    return 5;
  }

  @Override
  public Optional<String> referenceId() {
    return Optional.empty();
  }

  @Override
  public Map<String, Object> defaultExperimentConfig() {
    return ProblemConfigs.defaults("cliTestGaussian", Map.of(), 1, 1.0, 1.0, 5, 10_000_000L);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    MetricsHook hook = (samples, m, logQ, means, k) -> {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += samples[i * 2];
      }
      return Map.of("mean_x0", s / m);
    };
    return new ProblemInstance(this, seed, new GaussianTestTarget(seed), hook);
  }
}
