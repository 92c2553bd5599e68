package org.gmmvi.core.target;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one argument check every target's {@code evaluate} uses. */
class TargetCheckBatchTest {

  private static final Target T = new Target() {
    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      Target.checkBatch(this, x, n, logDensity, gradient);
    }

    @Override
    public String name() {
      return "t3";
    }
  };

  @Test
  void acceptsLongEnoughArraysAndAnAbsentGradient() {
    assertThatCode(() -> T.evaluate(new double[6], 2, new double[2], new double[6]))
        .doesNotThrowAnyException();
    assertThatCode(() -> T.evaluate(new double[7], 2, new double[3], null))
        .doesNotThrowAnyException();
    assertThatCode(() -> T.evaluate(new double[0], 0, new double[0], null))
        .doesNotThrowAnyException();
  }

  @Test
  void namesTheTargetAndTheShortArgument() {
    assertThatThrownBy(() -> T.evaluate(new double[6], -1, new double[2], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("t3: negative batch size -1");
    assertThatThrownBy(() -> T.evaluate(new double[5], 2, new double[2], null))
        .hasMessage("t3: x must hold n*D = 6 values, got 5");
    assertThatThrownBy(() -> T.evaluate(null, 2, new double[2], null))
        .hasMessage("t3: x must hold n*D = 6 values, got null");
    assertThatThrownBy(() -> T.evaluate(new double[6], 2, new double[1], null))
        .hasMessage("t3: logDensity must hold n = 2 values, got 1");
    assertThatThrownBy(() -> T.evaluate(new double[6], 2, new double[2], new double[5]))
        .hasMessage("t3: gradient must hold n*D = 6 values, got 5");
  }
}
