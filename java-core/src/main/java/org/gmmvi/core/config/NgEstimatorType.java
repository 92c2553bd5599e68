package org.gmmvi.core.config;

/** Design choice 1, natural-gradient estimator (ALGORITHM.md §2.1). */
public enum NgEstimatorType implements DesignChoice {
  /** Z: MORE, quadratic regression on whitened samples (zero-order; VIPS). */
  MORE(OptionRow.of('Z', "MORE", "MORE: quadratic regression of the target on whitened samples"
      + " (zero order, no gradients; VIPS)",
      "initial_l2_regularizer", 1.0e-12, "only_use_own_samples", false,
      "use_self_normalized_importance_weights", true)),
  /** S: Stein's lemma (first-order; needs target gradients). */
  STEIN(OptionRow.of('S', "Stein", "Stein: natural gradient from target gradients via Stein's"
      + " lemma (first order)",
      "only_use_own_samples", false, "use_self_normalized_importance_weights", true));

  private final OptionRow row;

  NgEstimatorType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
