package org.gmmvi.core.config;

/** Design choice 4, natural-gradient-based component update (ALGORITHM.md §2.4). */
public enum ComponentUpdaterType implements DesignChoice {
  /** I: direct natural-gradient step. */
  DIRECT(OptionRow.of('I', "direct", "direct natural-gradient step on each component")),
  /** Y: improved Bayesian learning rule. */
  IBLR(OptionRow.of('Y', "iBLR", "iBLR step (improved Bayesian learning rule, keeps covariances"
      + " PD)")),
  /** T: KL-bounded trust-region step. */
  TRUST_REGION(OptionRow.of('T', "trust-region", "trust region: KL-bounded component update"
      + " (VIPS)"));

  private final OptionRow row;

  ComponentUpdaterType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
