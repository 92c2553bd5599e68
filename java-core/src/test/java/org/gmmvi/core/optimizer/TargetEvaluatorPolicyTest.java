package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.core.target.Target;
import org.junit.jupiter.api.Test;

/** The bad-sample policy of {@link TargetEvaluator} (docs/RELIABILITY.md §2b). */
class TargetEvaluatorPolicyTest {

  /** 1-D target {@code log p = −x²/2}, NaN where {@code x > 0}, +∞ where {@code x < −10}. */
  private static final Target HALF_NAN = new Target() {
    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public void evaluate(double[] x, int n, double[] lp, double[] grad) {
      for (int i = 0; i < n; i++) {
        lp[i] = x[i] > 0 ? Double.NaN : x[i] < -10 ? Double.POSITIVE_INFINITY : -0.5 * x[i] * x[i];
        if (grad != null) {
          grad[i] = -x[i];
        }
      }
    }
  };

  private static int evaluate(TargetEvaluator e, boolean mayAllBeInvalid, double... x) {
    return e.evaluate(x, x.length, new double[x.length], new double[x.length], new int[x.length],
        mayAllBeInvalid);
  }

  @Test
  void invalidSamplesAreDroppedCompactedAndCounted() {
    TargetEvaluator e = new TargetEvaluator(HALF_NAN, 1, true);
    double[] x = {1, -1, 2, -20, -3};
    double[] lp = new double[5];
    double[] g = new double[5];
    int[] map = {0, 1, 2, 3, 4};
    assertThat(e.evaluate(x, 5, lp, g, map, false)).isEqualTo(2);
    assertThat(new double[] {x[0], x[1]}).containsExactly(-1, -3);
    assertThat(new double[] {lp[0], lp[1]}).containsExactly(-0.5, -4.5);
    assertThat(new int[] {map[0], map[1]}).containsExactly(1, 4);
    assertThat(e.droppedLastCall()).isEqualTo(3);
    assertThat(e.totalDropped()).isEqualTo(3);
  }

  @Test
  void anEntirelyInvalidBatchIsDroppedWhenTheCallerCanProceed() {
    TargetEvaluator e = new TargetEvaluator(HALF_NAN, 1, true);
    assertThat(evaluate(e, true, 1, 2, -20)).isZero();
    assertThat(e.droppedLastCall()).isEqualTo(3);
    assertThat(evaluate(e, true, -1, 2)).isEqualTo(1);
    assertThat(e.totalDropped()).isEqualTo(4);
  }

  @Test
  void anEntirelyInvalidBatchFailsWhenTheCallerCannotProceed() {
    TargetEvaluator e = new TargetEvaluator(HALF_NAN, 1, true);
    e.setIteration(7);
    assertThatThrownBy(() -> evaluate(e, false, 3)).isInstanceOf(TargetEvaluationException.class)
        .hasMessage("iteration 7: all 1 new samples are invalid (log-density NaN or infinite, or a"
            + " non-finite gradient); example: x = [3.0] gave log-density NaN and gradient [-3.0]");
  }
}
