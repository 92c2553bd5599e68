package org.gmmvi.core.config;

/** Design choice 7, weight step-size adaptation (ALGORITHM.md §2.7). */
public enum WeightStepsizeType implements DesignChoice {
  /** X: constant step size. */
  FIXED('X', "fixed"),
  /** G: initial / (1 + k^a), k = number of previous calls. */
  DECAYING('G', "decaying"),
  /**
   * N: increase on ELBO improvement, else decrease. The reference's string uses an underscore
   * ({@code "improvement_based"}, quirk §6 item 13); the hyphenated spelling of the component step
   * size is accepted as an alias.
   */
  IMPROVEMENT_BASED('N', "improvement_based");

  private final char letter;
  private final String type;

  WeightStepsizeType(char letter, String type) {
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

  @Override
  public String[] typeAliases() {
    return this == IMPROVEMENT_BASED ? new String[] {"improvement-based"} : new String[0];
  }
}
