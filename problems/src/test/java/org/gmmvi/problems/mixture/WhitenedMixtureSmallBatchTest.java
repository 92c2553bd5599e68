package org.gmmvi.problems.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.gmm.GmmTarget;
import org.gmmvi.problems.numpy.NumpyTargetRecipes;
import org.gmmvi.problems.stm.StmTarget;
import org.junit.jupiter.api.Test;

/**
 * Batches smaller than the internal chunk of {@link WhitenedMixtureTarget} (128 rows) with gradients
 * must give exactly the values of the same rows inside a large batch (a work-array stride bug made
 * them throw when {@code n < 128} and the target has several components).
 */
class WhitenedMixtureSmallBatchTest {

  private static final int D = 5;

  @Test
  void gmmSmallBatchesAgreeWithLargeBatch() {
    NumpyTargetRecipes.MixtureParameters p = NumpyTargetRecipes.gmm(10_000L, D, 4);
    assertSmallBatchesAgree(GmmTarget.of("gmm", p.weights(), p.means(), p.matrices()));
  }

  @Test
  void stmSmallBatchesAgreeWithLargeBatch() {
    double[] prec = NumpyTargetRecipes.stmPrecisions(10_000L, D, 3);
    double[] means = new double[3 * D];
    new Rng(3).fillGaussian(means, 0, means.length);
    assertSmallBatchesAgree(StmTarget.of("stm", new double[] {0.2, 0.3, 0.5}, means, prec, 2.0));
  }

  private static void assertSmallBatchesAgree(WhitenedMixtureTarget t) {
    int n = 300;
    Rng rng = new Rng(7);
    double[] x = new double[n * D];
    rng.fillGaussian(x, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      x[i] *= 20.0;
    }
    double[] lp = new double[n];
    double[] g = new double[n * D];
    t.evaluate(x, n, lp, g);
    for (int m : new int[] {1, 2, 50, 127}) {
      double[] lpSmall = new double[m];
      double[] gSmall = new double[m * D];
      t.evaluate(java.util.Arrays.copyOf(x, m * D), m, lpSmall, gSmall);
      for (int i = 0; i < m; i++) {
        assertThat(lpSmall[i]).as("log-density of row %d in a batch of %d", i, m)
            .isCloseTo(lp[i], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(lp[i]))));
      }
      for (int i = 0; i < m * D; i++) {
        assertThat(gSmall[i]).as("gradient entry %d in a batch of %d", i, m)
            .isCloseTo(g[i], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(g[i]))));
      }
    }
  }
}
