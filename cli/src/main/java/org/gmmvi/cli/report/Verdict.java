package org.gmmvi.cli.report;

/**
 * The verdict of one report cell against the paper: do the two mean ± 3·SE intervals overlap?
 *
 * <p>Rules, in order: no completed run → {@link #NO_RUNS}; the paper has no number →
 * {@link #NO_PAPER}; the budget is below the paper's → {@link #NOT_COMPARABLE} (the numbers are
 * still shown); else the intervals {@code ours ± h} and {@code paper ± h_p} overlap →
 * {@link #AGREES}; else lower −ELBO is {@link #BETTER}, higher {@link #WORSE}. A paper cell
 * without an error bar counts as an interval of its printing precision ({@code ± 0.005}: the
 * paper prints two decimals), a single run as an interval of width 0.
 */
public enum Verdict {
  /** The intervals overlap. */
  AGREES("agrees"),
  /** Lower −ELBO than the paper, intervals apart. */
  BETTER("better"),
  /** Higher −ELBO than the paper, intervals apart. */
  WORSE("worse"),
  /** The budget used is below the paper's. */
  NOT_COMPARABLE("not comparable (budget below the paper's)"),
  /** The paper reports no number for the cell. */
  NO_PAPER("no paper value"),
  /** No completed run. */
  NO_RUNS("no runs yet");

  /** Half of the last printed digit of the paper's table. */
  static final double PAPER_ROUNDING = 0.005;

  private final String text;

  Verdict(String text) {
    this.text = text;
  }

  /** The verdict as the report prints it. */
  public String text() {
    return text;
  }

  /**
   * The verdict of {@code ours} against the paper's {@code paperMean ± paperHalfWidth}.
   *
   * @param paperMean      {@code NaN} if the paper has no number
   * @param paperHalfWidth {@code NaN} if the paper gives no error bar
   * @param comparable     whether the budget is at least the paper's
   */
  public static Verdict of(Summary ours, double paperMean, double paperHalfWidth,
      boolean comparable) {
    if (ours.n() == 0) {
      return NO_RUNS;
    }
    if (Double.isNaN(paperMean)) {
      return NO_PAPER;
    }
    if (!comparable) {
      return NOT_COMPARABLE;
    }
    double hp = Double.isNaN(paperHalfWidth) ? 0 : paperHalfWidth;
    double gap = Math.abs(ours.mean() - paperMean);
    if (gap <= ours.halfWidth() + hp + PAPER_ROUNDING) {
      return AGREES;
    }
    return ours.mean() < paperMean ? BETTER : WORSE;
  }
}
