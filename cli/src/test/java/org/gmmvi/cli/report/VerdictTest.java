package org.gmmvi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdict rules of {@link Verdict} on hand-made intervals. */
class VerdictTest {

  @Test
  void overlappingIntervalsAgree() {
    // ours 78.03 ± 0.02 (values 78.01, 78.05 ... ), paper 78.00 ± 0.02: gap 0.03 <= 0.02+0.02+0.005
    Summary ours = new Summary(78.03, 0.02, 10);
    assertThat(Verdict.of(ours, 78.00, 0.02, true)).isEqualTo(Verdict.AGREES);
  }

  @Test
  void separatedIntervalsAreBetterOrWorse() {
    Summary low = new Summary(77.90, 0.02, 10);
    Summary high = new Summary(78.10, 0.02, 10);
    assertThat(Verdict.of(low, 78.00, 0.02, true)).isEqualTo(Verdict.BETTER);
    assertThat(Verdict.of(high, 78.00, 0.02, true)).isEqualTo(Verdict.WORSE);
  }

  @Test
  void paperWithoutErrorBarCountsItsPrintingPrecision() {
    // gmm20 "-0.00": an interval of ± 0.005 around 0
    assertThat(Verdict.of(new Summary(0.004, 0.0, 1), -0.0, Double.NaN, true))
        .isEqualTo(Verdict.AGREES);
    assertThat(Verdict.of(new Summary(0.006, 0.0, 1), -0.0, Double.NaN, true))
        .isEqualTo(Verdict.WORSE);
  }

  @Test
  void budgetBelowThePaperIsNotComparableAndMissingValuesSaySo() {
    Summary s = new Summary(90.0, 0.1, 3);
    assertThat(Verdict.of(s, 78.0, 0.02, false)).isEqualTo(Verdict.NOT_COMPARABLE);
    assertThat(Verdict.of(s, Double.NaN, Double.NaN, true)).isEqualTo(Verdict.NO_PAPER);
    assertThat(Verdict.of(Summary.of(), 78.0, 0.02, true)).isEqualTo(Verdict.NO_RUNS);
  }

  @Test
  void paperCellWithoutNumberShowsItsNote() {
    // PAPER-RESULTS.md: STM300 ZAMTRUX "not run (out of memory)" (the note column was shifted by
    // one tab, so the report showed a dash)
    PaperResults.Entry e = PaperResults.get().negElbo("stm300", "ZAMTRUX").orElseThrow();
    assertThat(e.display()).isEqualTo("not run (out of memory)");
  }
}
