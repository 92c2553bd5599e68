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
import org.gmmvi.problems.metrics.Elbo;
import org.gmmvi.problems.metrics.MetricsHook;
import org.gmmvi.problems.wine.WineProblemFactory;

/**
 * Registry entry {@code wine} (PROBLEMS.md §4.7) over the WINE package's
 * {@link WineProblemFactory}: run seed {@code s} uses split seed {@code s mod 10} and the mini-batch
 * target (a {@code RandomizedTarget} with its own generator derived from the seed). Metrics hook:
 * {@code bi_test_loss} and {@code bi_test_rmse} (§5.5, test split), {@code bi_vali_loss},
 * {@code bi_vali_rmse} (validation split, also logged by the reference) and {@code elbo_fb} (the
 * ELBO with the full-batch target, a noise-free companion of the mini-batch −ELBO).
 */
public final class WineProblemDefinition implements Problem {

  @Override
  public String name() {
    return "wine";
  }

  @Override
  public int dimension() {
    return 177;
  }

  @Override
  public String description() {
    return "Bayesian neural network 11-8-8-1 on white-wine quality, mini-batches of 128";
  }

  @Override
  public List<String> dataFiles() {
    return List.of("datasets/wine");
  }

  @Override
  public Budget budget() {
    return Budget.of(10_000_000L, 200_000L);
  }

  @Override
  public int defaultLogInterval() {
    return 25;
  }

  @Override
  public Optional<String> referenceId() {
    return Optional.of("WINE");
  }

  @Override
  public Map<String, Object> defaultExperimentConfig() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("likelihood_scaling", 1.0);
    env.put("prior_std", 1.0);
    env.put("batch_size", 128);
    return ProblemConfigs.defaults("WINE", env, 4, WineProblemFactory.PRIOR_SCALE,
        WineProblemFactory.INITIAL_COVARIANCE, defaultLogInterval(), 500_000L);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    data.file("datasets/wine");
    WineProblemFactory.WineProblem wp = WineProblemFactory.create(data.root(), seed);
    MetricsHook hook = (samples, m, logQ, means, k) -> {
      Map<String, Double> out = new LinkedHashMap<>();
      var test = wp.testLoss(samples, m);
      var vali = wp.validationLoss(samples, m);
      out.put("bi_test_loss", test.mse());
      out.put("bi_test_rmse", test.rmse());
      out.put("bi_vali_loss", vali.mse());
      out.put("bi_vali_rmse", vali.rmse());
      out.put("elbo_fb", Elbo.evaluate(wp.fullBatch(), samples, logQ, m));
      return out;
    };
    return new ProblemInstance(this, seed, wp.target(), hook);
  }
}
