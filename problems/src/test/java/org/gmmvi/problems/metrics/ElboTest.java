package org.gmmvi.problems.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.gmm.GmmTarget;
import org.junit.jupiter.api.Test;

/** ELBO helper of PROBLEMS.md §5.1. */
class ElboTest {

  @Test
  void isZeroWhenTheModelEqualsTheNormalizedTargetAndNegativeOtherwise() {
    // Target: N(0, I_3). Model q = the same density: ELBO = E[log p − log q] = 0 for every sample.
    GmmTarget p = GmmTarget.of("n3", new double[] {1.0}, new double[3],
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    int m = 500;
    double[] x = p.sample(new Rng(1), m);
    double[] logq = new double[m];
    p.evaluate(x, m, logq, null);
    assertThat(Elbo.evaluate(p, x, logq, m)).isEqualTo(0.0);
    // q = N(0, 4 I): ELBO = −KL(q‖p) = −(3/2)(4 − 1 − ln 4) ≈ −2.42; Monte Carlo within 0.25.
    double[] y = new double[m * 3];
    new Rng(2).fillGaussian(y, 0, y.length);
    double[] logq2 = new double[m];
    for (int i = 0; i < m; i++) {
      double q = 0;
      for (int j = 0; j < 3; j++) {
        y[i * 3 + j] *= 2.0;
        q += y[i * 3 + j] * y[i * 3 + j] / 4.0;
      }
      logq2[i] = -1.5 * Math.log(2 * Math.PI * 4) - 0.5 * q;
    }
    assertThat(Elbo.evaluate(p, y, logq2, m)).isCloseTo(-1.5 * (3 - Math.log(4)), within(0.25));
  }
}
