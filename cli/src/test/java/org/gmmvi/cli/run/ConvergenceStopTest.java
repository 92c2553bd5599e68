package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The convergence stop: noise-level changes stop, trends larger than the noise do not. */
class ConvergenceStopTest {

  @Test
  void stationaryNoiseStopsWithinAFewWindows() {
    ConvergenceStop c = new ConvergenceStop(10, 1.0);
    Random r = new Random(3);
    String reason = null;
    int n = 0;
    while (reason == null && n < 200) {
      reason = c.observe(5.0 + 0.02 * r.nextGaussian(), 0.02);
      n++;
    }
    // |z| <= 1 has probability 0.68 per full window; 200 estimates are far more than needed
    assertThat(reason).startsWith("converged: the -ELBO estimate changed by");
    assertThat(n).isGreaterThanOrEqualTo(10);
  }

  @Test
  void aTrendOfTenStandardErrorsPerEstimateNeverStops() {
    ConvergenceStop c = new ConvergenceStop(10, 1.0);
    for (int i = 0; i < 500; i++) {
      assertThat(c.observe(100.0 - 0.1 * i, 0.01)).isNull();
    }
  }

  @Test
  void anExactFitStopsOnRoundingNoise() {
    ConvergenceStop c = new ConvergenceStop(4, 1.0);
    double[] y = {-2.117684960377056, -2.117684960377057, -2.117684960377055,
        -2.117684960377056};
    String reason = null;
    for (double v : y) {
      reason = c.observe(v, 0.0);
    }
    assertThat(reason).isNotNull();
  }

  @Test
  void nonFiniteEstimatesRestartTheWindow() {
    ConvergenceStop c = new ConvergenceStop(2, 1.0);
    assertThat(c.observe(1.0, 0.1)).isNull();
    assertThat(c.observe(Double.NaN, 0.1)).isNull();
    assertThat(c.observe(1.0, 0.1)).isNull();
    assertThat(c.observe(1.0, 0.1)).isNotNull();
  }

  @Test
  void standardErrorIsThatOfTheMean() {
    double[] logP = {1, 2, 3, 4};
    double[] logQ = {0, 0, 0, 0};
    // r = 1..4: sample variance 5/3, SE = sqrt(5/3/4)
    assertThat(ConvergenceStop.standardError(logP, logQ, 1.0)).isEqualTo(Math.sqrt(5.0 / 12));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new ConvergenceStop(3, 1.0)).hasMessageContaining("even number");
    assertThatThrownBy(() -> new ConvergenceStop(10, 0.0)).hasMessageContaining("positive");
  }
}
