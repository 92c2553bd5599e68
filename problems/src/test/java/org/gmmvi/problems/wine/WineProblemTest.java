package org.gmmvi.problems.wine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;
import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
import org.junit.jupiter.api.Test;

/** The shared problem checks for {@code wine}, on its full-batch target (§4.7 test vectors). */
class WineProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("wine");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/wine_bnn_fullbatch_seed0.csv";
  }

  @Override
  protected Target createTarget() {
    return WineProblem.create(data(), seed()).fullBatch();
  }

  @Override
  protected int finiteDifferenceCoordinates() {
    return 20;
  }

  @Override
  protected double finiteDifferenceTolerance() {
    return 1e-5;
  }

  @Test
  void registryInstanceUsesTheMiniBatchTargetAndReportsTheTestLoss() {
    var inst = problem().instantiate(10000, data());
    assertThat(inst.target()).isInstanceOf(RandomizedTarget.class);
    int d = 177;
    int m = 20;
    double[] w = new double[m * d];
    new org.gmmvi.core.random.Rng(3).fillGaussian(w, 0, w.length);
    double[] logQ = new double[m];
    var metrics = inst.metrics().evaluate(w, m, logQ, Arrays.copyOf(w, d), 1);
    assertThat(metrics).containsKeys("bi_test_loss", "bi_test_rmse", "bi_vali_loss", "elbo_fb");
    assertThat(metrics.get("bi_test_rmse") * metrics.get("bi_test_rmse"))
        .isLessThanOrEqualTo(metrics.get("bi_test_loss") + 1e-12);
    assertThat(metrics.get("bi_test_loss")).isPositive();
  }
}
