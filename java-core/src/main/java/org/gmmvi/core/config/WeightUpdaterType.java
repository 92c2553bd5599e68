package org.gmmvi.core.config;

/** Design choice 6, weight update (ALGORITHM.md §2.6). */
public enum WeightUpdaterType implements DesignChoice {
  /** U: direct (greedy for step 1) update. */
  DIRECT('U', "direct"),
  /** O: KL-bounded trust-region update. */
  TRUST_REGION('O', "trust-region");

  private final char letter;
  private final String type;

  WeightUpdaterType(char letter, String type) {
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
