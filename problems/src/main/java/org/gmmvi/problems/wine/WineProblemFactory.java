package org.gmmvi.problems.wine;

import java.nio.file.Path;

/**
 * Builds the WINE problem of a run (PROBLEMS.md §4.7) for the problem registry.
 *
 * <p>Run seed {@code seed} uses split seed {@code seed mod 10} (seed 10000 + r → split r) and a
 * mini-batch stream seeded with {@code seed ^ }{@link #BATCH_STREAM_TAG}, so the batch order never
 * coincides with an optimizer generator seeded with the run seed itself.
 */
public final class WineProblemFactory {

  /** XOR-ed into the run seed to seed the mini-batch stream ("WINE_MB!" in ASCII). */
  public static final long BATCH_STREAM_TAG = 0x57494E455F4D4221L;

  /** Standard deviation of the initial means around 0 (§3.2). */
  public static final double PRIOR_SCALE = 1.0;

  /** Initial covariance {@code c0·I} (§3.2). */
  public static final double INITIAL_COVARIANCE = 1.0;

  private WineProblemFactory() {}

  /**
   * The WINE problem of one run.
   *
   * @param data      the loaded split
   * @param target    the mini-batch target the optimizer uses (a {@code RandomizedTarget})
   * @param fullBatch the full-batch target (expectation of {@code target}; for the full-batch ELBO)
   */
  public record WineProblem(WineData data, WineTarget target, WineFullBatchTarget fullBatch) {

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

  /** The problem of run seed {@code seed}, data from {@code dataDir}, single-threaded target. */
  public static WineProblem create(Path dataDir, long seed) {
    return create(dataDir, seed, 1);
  }

  /**
   * As {@link #create(Path, long)}, with the mini-batch target evaluating the samples of a call on up to
   * {@code parallelism} threads.
   */
  public static WineProblem create(Path dataDir, long seed, int parallelism) {
    WineData data = WineData.load(dataDir, WineData.splitSeedOf(seed));
    return new WineProblem(data, new WineTarget(data.train(), seed ^ BATCH_STREAM_TAG, parallelism),
        new WineFullBatchTarget(data.train()));
  }
}
