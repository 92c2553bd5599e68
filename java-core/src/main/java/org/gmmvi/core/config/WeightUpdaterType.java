package org.gmmvi.core.config;

/** Design choice 6, weight update (ALGORITHM.md §2.6). */
public enum WeightUpdaterType implements DesignChoice {
  /** U: direct (greedy for step 1) update. */
  DIRECT(OptionRow.of('U', "direct", "direct weight update",
      "use_self_normalized_importance_weights", true)),
  /** O: KL-bounded trust-region update. */
  TRUST_REGION(OptionRow.of('O', "trust-region", "trust-region weight update (KL-bounded)",
      "use_self_normalized_importance_weights", true));

  private final OptionRow row;

  WeightUpdaterType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
