package org.gmmvi.core.config;

/** Design choice 5, component step-size adaptation (ALGORITHM.md §2.5). */
public enum ComponentStepsizeType implements DesignChoice {
  /** F: constant step size. */
  FIXED(OptionRow.of('F', "fixed", "fixed component step size", "initial_stepsize", 1.0e-5)),
  /** D: initial / (1 + numUpdates^a). */
  DECAYING(OptionRow.of('D', "decaying", "decaying component step size",
      "initial_stepsize", 1.0, "annealing_exponent", 0.55)),
  /** R: increase on reward improvement, else decrease. */
  IMPROVEMENT_BASED(OptionRow.of('R', "improvement-based", "improvement-based component step"
      + " size (grows on improvement, shrinks otherwise)",
      OptionConfigs.improvementDefaults(0.001)));

  private final OptionRow row;

  ComponentStepsizeType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
