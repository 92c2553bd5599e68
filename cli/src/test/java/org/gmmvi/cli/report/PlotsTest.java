package org.gmmvi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.5: readable plot axes. A run that converged to machine precision logged −ELBO values
 * that differ by 1e-15; the axis used to span exactly that noise, with tick labels like
 * {@code -2.117684960377056E0}.
 */
class PlotsTest {

  private static final double[] X = {100, 200, 300, 400, 500, 600};

  @Test
  void roundingNoiseIsDrawnFlat() {
    double v = -2.117684960377056;
    double[] y = {v, Math.nextUp(v), v, Math.nextDown(v), v, Math.nextUp(v)};
    double[] r = Plots.yRange(List.of(new Plots.Curve(X, y)), 0.0);
    double span = r[1] - r[0];
    assertThat(span).isGreaterThanOrEqualTo(Plots.MIN_RELATIVE_SPAN * Math.abs(v));
    assertThat(0.5 * (r[0] + r[1])).isCloseTo(v, within(1e-15));
    String pattern = Plots.decimalPattern(span);
    assertThat(pattern).doesNotContain("E").isEqualTo("#,##0.0000000");
    // the labels of two ticks one fifth of the span apart differ, none shows 16 digits
    java.text.DecimalFormat f = new java.text.DecimalFormat(pattern,
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    assertThat(f.format(r[0])).isNotEqualTo(f.format(r[0] + span / 5)).hasSizeLessThan(12);
  }

  @Test
  void theAxisIsAtLeastFourStandardErrorsWide() {
    double[] y = {78.0004, 78.0001, 78.0003, 78.0000, 78.0002, 78.0001};
    double[] r = Plots.yRange(List.of(new Plots.Curve(X, y)), 0.02);
    assertThat(r[1] - r[0]).isGreaterThanOrEqualTo(4 * 0.02);
    assertThat(Plots.decimalPattern(r[1] - r[0])).isEqualTo("#,##0.00");
  }

  @Test
  void aRealDescentKeepsItsRange() {
    double[] y = {100, 90, 85, 80, 79, 78};
    double[] r = Plots.yRange(List.of(new Plots.Curve(X, y)), 0.02);
    assertThat(r[0]).isCloseTo(89 - 11 * 1.05, within(1e-12));
    assertThat(r[1]).isCloseTo(89 + 11 * 1.05, within(1e-12));
    assertThat(Plots.decimalPattern(r[1] - r[0])).isEqualTo("#,##0");
  }

  @Test
  void noiseIsTheMedianSuccessiveDifferenceOverRootTwo() {
    double[] y = {50, 40, 30, 5.01, 4.99, 5.01, 4.99, 5.01};
    assertThat(Plots.noise(y)).isCloseTo(0.02 / Math.sqrt(2), within(1e-12));
    assertThat(Plots.noise(new double[] {1, 2})).isZero();
  }

  @Test
  void plotsWithThePapersValueRender() throws IOException {
    double[] y = {80, 79, 78.5, 78.2, 78.1, 78.05};
    byte[] png = Plots.line("t", "target evaluations", "-ELBO", "SAMTRON",
        new Plots.Curve(X, y), 0.02, 78.04);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    byte[] curves = Plots.learningCurves("t", Map.of("SAMTRON",
        List.of(new Plots.Curve(X, y), new Plots.Curve(X, y))), Map.of("SAMTRON", 78.04));
    assertThat(curves).startsWith(0x89, 'P', 'N', 'G');
  }
}
