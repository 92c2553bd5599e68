package org.gmmvi.core.config;

/** Design choice 5, component step-size adaptation (ALGORITHM.md §2.5). */
public enum ComponentStepsizeType implements DesignChoice {
  /** F: constant step size. */
  FIXED('F', "fixed"),
  /** D: initial / (1 + numUpdates^a). */
  DECAYING('D', "decaying"),
  /** R: increase on reward improvement, else decrease. */
  IMPROVEMENT_BASED('R', "improvement-based");

  private final char letter;
  private final String type;

  ComponentStepsizeType(char letter, String type) {
    this.letter = letter;
    this.type = type;
  }

  @Override
  public char letter() {
    return letter;
  }

  @Override
  public String typeString() {
    return type;
  }
}
