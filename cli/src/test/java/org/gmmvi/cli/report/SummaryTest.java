package org.gmmvi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  /**
   * Values 1, 2, 3, 4: mean 2.5, population variance ((1.5² + 0.5²)·2)/4 = 1.25, std = √1.25,
   * SE = √1.25/2, 3·SE = 1.5·√1.25 = 1.6770509831…
   */
  @Test
  void meanAndThreeStandardErrorsWithDdofZero() {
    Summary s = Summary.of(1, 2, 3, 4);
    assertThat(s.n()).isEqualTo(4);
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(s.halfWidth()).isCloseTo(1.6770509831248424, within(1e-15));
    assertThat(s.format(2)).isEqualTo("2.50 ± 1.68");
  }

  /** 10, 10, 16: mean 12, variance (4 + 4 + 16)/3 = 8, 3·SE = 3·√8/√3 = √24 = 4.898979… */
  @Test
  void secondHandComputedCase() {
    Summary s = Summary.of(10, 10, 16);
    assertThat(s.mean()).isEqualTo(12.0);
    assertThat(s.halfWidth()).isCloseTo(Math.sqrt(24), within(1e-14));
  }

  @Test
  void singleValueHasZeroWidthAndNonFiniteValuesAreDropped() {
    assertThat(Summary.of(7.0, Double.NaN)).isEqualTo(new Summary(7.0, 0.0, 1));
    Summary none = Summary.of();
    assertThat(none.n()).isZero();
    assertThat(none.format(2)).isEqualTo("—");
  }
}
