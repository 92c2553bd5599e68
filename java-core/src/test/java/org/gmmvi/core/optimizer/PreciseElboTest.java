package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;
import org.junit.jupiter.api.Test;

/** {@link ElboEstimator#precise}: a closed-form KL, its standard error, and non-finite targets. */
class PreciseElboTest {

  /** The normalised standard normal {@code log N(x; 0, I)} in {@code d} dimensions. */
  private static Target standardNormal(int d) {
    return TestTargets.of(d, true, (x, n, lp, grad) -> {
      for (int s = 0; s < n; s++) {
        double q = 0;
        for (int i = 0; i < d; i++) {
          q += x[s * d + i] * x[s * d + i];
        }
        lp[s] = -0.5 * q - 0.5 * d * Math.log(2 * Math.PI);
      }
    });
  }

  /**
   * For a normalised target the −ELBO is KL(q‖p); for q = N(0, 2I), p = N(0, I) in D = 3 it is
   * ½(tr(2I) − D − D·ln 2) = ½(3 − 3 ln 2) = 0.46027. The estimate over 200,000 samples (four
   * chunks of {@link ElboEstimator#CHUNK}) is within four standard errors, and the standard error
   * matches std(r)/√m with Var(r) = D/2: r = log p − log q = −|x|²/4 + const, and |x|²/2 ~ χ²_D
   * for x ~ N(0, 2I), so r = −χ²_D/2 + const has variance 2D/4 = D/2.
   */
  @Test
  void estimatesTheKlOfTwoGaussiansWithItsStandardError() {
    int d = 3;
    double[] chols = new double[d * d];
    for (int i = 0; i < d; i++) {
      chols[i * d + i] = Math.sqrt(2);
    }
    GmmModel q = GmmModel.full(new double[] {0.0}, new double[d], chols, d);
    ElboEstimator.PreciseElbo r = ElboEstimator.precise(q, standardNormal(d), 200_000, new Rng(4));
    double kl = 0.5 * (2 * d - d - d * Math.log(2));
    assertThat(r.negElbo()).isCloseTo(kl, within(4 * r.standardError()));
    assertThat(r.standardError()).isCloseTo(Math.sqrt(d / 2.0 / 200_000), within(2e-5));
    assertThat(r.entropy()).isCloseTo(0.5 * d * (Math.log(2 * Math.PI) + 1) + 0.5 * d
        * Math.log(2), within(6 * r.standardError()));
  }

  @Test
  void nonFiniteTargetValuesAreAnError() {
    GmmModel q = GmmModel.full(new double[] {0.0}, new double[1], new double[] {1.0}, 1);
    Target nan = TestTargets.of(1, true, (x, n, lp, g) -> java.util.Arrays.fill(lp, 0, n,
        Double.NaN));
    assertThatThrownBy(() -> ElboEstimator.precise(q, nan, 10, new Rng(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> ElboEstimator.precise(q, nan, 1, new Rng(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two samples");
  }
}
