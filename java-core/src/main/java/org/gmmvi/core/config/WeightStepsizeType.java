package org.gmmvi.core.config;

/** Design choice 7, weight step-size adaptation (ALGORITHM.md §2.7). */
public enum WeightStepsizeType implements DesignChoice {
  /** X: constant step size. */
  FIXED(OptionRow.of('X', "fixed", "fixed weight step size", "initial_stepsize", 1.0)),
  /**
   * G: initial / (1 + k^a), k = number of previous calls. {@code annealing_exponent} has no usable
   * default in the reference (§6 item 14): it must be given.
   */
  DECAYING(OptionRow.of('G', "decaying", "decaying weight step size", "initial_stepsize", 1.0)),
  /**
   * N: increase on ELBO improvement, else decrease. The reference's string uses an underscore
   * ({@code "improvement_based"}, quirk §6 item 13); the hyphenated spelling of the component step
   * size is accepted as an alias.
   */
  IMPROVEMENT_BASED(OptionRow.of('N', "improvement_based", "improvement-based weight step size",
      OptionConfigs.improvementDefaults(0.0001)).withAliases("improvement-based"));

  private final OptionRow row;

  WeightStepsizeType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
