package org.gmmvi.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The fast {@code log(1 + e)} of {@link LogisticRegressionMath} against {@link StrictMath#log1p}. */
class Log1pTest {

  @Test
  void agreesWithStrictLog1pOverTheUnitInterval() {
    double[] es = {0.0, Double.MIN_VALUE, 1e-300, 1e-17, 1.1e-16, 2.3e-16, 1e-12, 1e-8, 3e-5, 0.01,
        0.1, 0.37, 0.5, 0.9999, 1.0};
    for (double e : es) {
      double ref = StrictMath.log1p(e);
      assertThat(LogisticRegressionMath.log1p01(e)).as("log1p(%s)", e)
          .isCloseTo(ref, Offset.offset(4 * Math.ulp(ref) + Double.MIN_VALUE));
    }
    for (int i = 0; i <= 100_000; i++) {
      double e = Math.exp(-40.0 * i / 100_000);
      double ref = StrictMath.log1p(e);
      assertThat(Math.abs(LogisticRegressionMath.log1p01(e) - ref)).as("log1p(%s)", e)
          .isLessThanOrEqualTo(4 * Math.ulp(ref));
    }
  }

  @Test
  void logSigmoidIsStableAtTheExtremes() {
    assertThat(LogisticRegressionMath.logSigmoid(0.0)).isCloseTo(-Math.log(2), Offset.offset(1e-16));
    assertThat(LogisticRegressionMath.logSigmoid(-800.0)).isEqualTo(-800.0);
    assertThat(LogisticRegressionMath.logSigmoid(40.0)).isCloseTo(-Math.exp(-40.0),
        Offset.offset(1e-30));
  }
}
