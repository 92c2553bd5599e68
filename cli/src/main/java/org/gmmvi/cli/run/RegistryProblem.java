package org.gmmvi.cli.run;

import java.util.Locale;
import java.util.Map;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.config.ExperimentConfigs;
import org.gmmvi.problems.io.DataDirectory;

/**
 * A paper problem of the registry ({@link org.gmmvi.problems.Problems}) with its data directory:
 * Experiment-3 configs, §3.5 budgets and the problem's metrics hook.
 */
public final class RegistryProblem implements RunProblem {

  private final Problem problem;
  private final DataDirectory data;

  /** The registry problem {@code problem} reading data from {@code data}. */
  public RegistryProblem(Problem problem, DataDirectory data) {
    this.problem = problem;
    this.data = data;
  }

  /** The wrapped problem. */
  public Problem problem() {
    return problem;
  }

  /** The data directory the problem reads. */
  public DataDirectory data() {
    return data;
  }

  @Override
  public String name() {
    return problem.name();
  }

  @Override
  public int dimension() {
    return problem.dimension();
  }

  @Override
  public Instance instantiate(long seed) {
    ProblemInstance pi = problem.instantiate(seed, data);
    return new Instance(pi.target(), (model, samples, m, logQ) -> {
      int k = model.numComponents();
      double[] means = java.util.Arrays.copyOf(model.meansArray(), k * model.dimension());
      return pi.metrics().evaluate(samples, m, logQ, means, k);
    });
  }

  @Override
  public Map<String, Object> experimentConfig(String codeword) {
    return ExperimentConfigs.config(problem, codeword, data);
  }

  @Override
  public long budget(String which) {
    return switch (which) {
      case "full" -> problem.budget().full();
      case "smoke" -> problem.budget().smoke();
      default -> throw new IllegalArgumentException("budget must be full or smoke, got " + which);
    };
  }

  @Override
  public int iterationCap(String codeword) {
    long cap = ExperimentConfigs.evaluationRun(problem, codeword, data)
        .map(ExperimentConfigs.EvaluationRun::maxIterations)
        .orElse(codeword.toUpperCase(Locale.ROOT).startsWith("Z") ? 100_000L
            : problem.budget().iterationCap());
    return (int) Math.min(Integer.MAX_VALUE, cap);
  }

  @Override
  public int defaultLogInterval() {
    return problem.defaultLogInterval();
  }
}
