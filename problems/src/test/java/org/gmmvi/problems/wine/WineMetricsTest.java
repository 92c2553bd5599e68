package org.gmmvi.problems.wine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Bayesian test loss of PROBLEMS.md §4.7/§5.5 and the problem factory. */
class WineMetricsTest {

  private static final int D = BnnLayout.DIM;
  private static WineData data;

  @BeforeAll
  static void load() {
    data = WineData.load(TestData.dir(), 0);
  }

  /**
   * Independent computation from single-network predictions: average the outputs, cut the 979 test rows
   * in file order into 7 batches of 128 and one of 83, average the per-batch MSE and RMSE unweighted.
   */
  @Test
  void bayesianLossAveragesPredictionsThenBatches() {
    int m = 6;
    double[] samples = WineTargetTest.gaussian(new Rng(21), m * D, 1.0);
    int rows = data.test().rows();
    double[] mean = new double[rows];
    double[] out = new double[rows];
    for (int s = 0; s < m; s++) {
      WineMetrics.predict(data.test(), samples, s * D, out);
      for (int r = 0; r < rows; r++) {
        mean[r] += out[r] / m;
      }
    }
    int[] bounds = {0, 128, 256, 384, 512, 640, 768, 896, 979};
    double mse = 0;
    double rmse = 0;
    for (int b = 0; b < 8; b++) {
      double se = 0;
      for (int r = bounds[b]; r < bounds[b + 1]; r++) {
        double e = mean[r] - data.test().labels()[r];
        se += e * e;
      }
      double batchMse = se / (bounds[b + 1] - bounds[b]);
      mse += batchMse / 8;
      rmse += Math.sqrt(batchMse) / 8;
    }
    WineMetrics.BayesianLoss loss = WineMetrics.bayesianLoss(data.test(), samples, m);
    assertThat(loss.mse()).isCloseTo(mse, within(1e-12 * mse));
    assertThat(loss.rmse()).isCloseTo(rmse, within(1e-12 * rmse));
  }

  /**
   * With one network of testvectors/wine_bnn_test_outputs_seed0.csv the batch-averaged MSE is close to
   * (not equal to) the all-rows MSE shipped there: both average the same squared errors.
   */
  @Test
  void singleNetworkLossIsCloseToTheAllRowsMse() {
    TestData.Vectors params = TestData.vectors("wine_bnn_fullbatch_seed0.csv");
    TestData.Vectors v = TestData.vectors("wine_bnn_test_outputs_seed0.csv");
    for (int i = 0; i < 5; i++) {
      double allRows = v.rows()[i][v.column("test_mse_all_rows")];
      double batched = WineMetrics.bayesianLoss(data.test(), params.slice(i, "x0", D), 1).mse();
      assertThat(batched).isCloseTo(allRows, within(0.05 * allRows));
      // Two copies of one network average to the same network.
      double[] twice = new double[2 * D];
      System.arraycopy(params.slice(i, "x0", D), 0, twice, 0, D);
      System.arraycopy(params.slice(i, "x0", D), 0, twice, D, D);
      assertThat(WineMetrics.bayesianLoss(data.test(), twice, 2).mse())
          .isCloseTo(batched, within(1e-12 * batched));
    }
  }

  @Test
  void factoryUsesSplitSeedModTenAndExposesTheMetrics() {
    WineProblem.Parts p = WineProblem.create(TestData.dir(), 10003);
    assertThat(p.data().splitSeed()).isEqualTo(3);
    assertThat(p.dimension()).isEqualTo(177);
    assertThat(p.target().dimension()).isEqualTo(177);
    double[] samples = WineTargetTest.gaussian(new Rng(1), 3 * D, 1.0);
    assertThat(p.testLoss(samples, 3).mse())
        .isEqualTo(WineMetrics.bayesianLoss(p.data().test(), samples, 3).mse());
    assertThat(p.validationLoss(samples, 3).mse())
        .isEqualTo(WineMetrics.bayesianLoss(p.data().validation(), samples, 3).mse());
    // Same seed, same batch stream.
    WineProblem.Parts q = WineProblem.create(TestData.dir(), 10003);
    assertThat(q.target().random().state()).containsExactly(p.target().random().state());
    assertThatThrownBy(() -> WineMetrics.bayesianLoss(data.test(), samples, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m >= 1");
  }
}
