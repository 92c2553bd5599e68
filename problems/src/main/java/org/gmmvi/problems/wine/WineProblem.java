package org.gmmvi.problems.wine;

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

/**
 * WINE (PROBLEMS.md §4.7): a Bayesian neural network 11-8-8-1 on white-wine quality with
 * mini-batches of 128.
 *
 * <p>Run seed {@code seed} uses split seed {@code seed mod 10} (seed 10000 + r → split r) and a
 * mini-batch stream seeded with {@code seed ^ }{@link #BATCH_STREAM_TAG}, so the batch order never
 * coincides with an optimizer generator seeded with the run seed itself. The optimizer sees the
 * mini-batch target (a {@code RandomizedTarget}). Metrics hook: {@code bi_test_loss} and
 * {@code bi_test_rmse} (§5.5, test split), {@code bi_vali_loss}, {@code bi_vali_rmse} (validation
 * split, also logged by the reference) and {@code elbo_fb} (the ELBO with the full-batch target, a
 * noise-free companion of the mini-batch −ELBO).
 */
public final class WineProblem implements Problem {

  /** XOR-ed into the run seed to seed the mini-batch stream ("WINE_MB!" in ASCII). */
  public static final long BATCH_STREAM_TAG = 0x57494E455F4D4221L;

  /** Standard deviation of the initial means around 0 (§3.2). */
  public static final double PRIOR_SCALE = 1.0;

  /** Initial covariance {@code c0·I} (§3.2). */
  public static final double INITIAL_COVARIANCE = 1.0;

  /** Data folder below the data directory. */
  public static final String DATA_FOLDER = "datasets/wine";

  /**
   * The parts of one run.
   *
   * @param data      the loaded split
   * @param target    the mini-batch target the optimizer uses (a {@code RandomizedTarget})
   * @param fullBatch the full-batch target (expectation of {@code target}; for the full-batch ELBO)
   */
  public record Parts(WineData data, WineTarget target, WineFullBatchTarget fullBatch) {

    /** Dimension, 177. */
    public int dimension() {
      return BnnLayout.DIM;
    }

    /**
     * {@code bi_test_loss} (§5.5) of {@code m} samples (row-major {@code m × 177}) on the test split,
     * with the batch-averaged RMSE.
     */
    public WineMetrics.BayesianLoss testLoss(double[] samples, int m) {
      return WineMetrics.bayesianLoss(data.test(), samples, m);
    }

    /** The same losses on the validation split (also logged by the reference). */
    public WineMetrics.BayesianLoss validationLoss(double[] samples, int m) {
      return WineMetrics.bayesianLoss(data.validation(), samples, m);
    }
  }

  /** The parts of run seed {@code seed}, data from {@code data}, single-threaded target. */
  public static Parts create(DataDirectory data, long seed) {
    return create(data, seed, 1);
  }

  /**
   * As {@link #create(DataDirectory, long)}, with the mini-batch target evaluating the samples of a
   * call on up to {@code parallelism} threads.
   */
  public static Parts create(DataDirectory data, long seed, int parallelism) {
    WineData split = WineData.load(data, WineData.splitSeedOf(seed));
    return new Parts(split, new WineTarget(split.train(), seed ^ BATCH_STREAM_TAG, parallelism),
        new WineFullBatchTarget(split.train()));
  }

  @Override
  public String name() {
    return "wine";
  }

  @Override
  public int dimension() {
    return BnnLayout.DIM;
  }

  @Override
  public String description() {
    return "Bayesian neural network 11-8-8-1 on white-wine quality, mini-batches of 128";
  }

  @Override
  public List<String> dataFiles() {
    return List.of(DATA_FOLDER);
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
    env.put("batch_size", WineTarget.BATCH_SIZE);
    return ProblemConfigs.defaults("WINE", env, 4, PRIOR_SCALE, INITIAL_COVARIANCE,
        defaultLogInterval(), 500_000L);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    Parts wp = create(data, seed);
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
