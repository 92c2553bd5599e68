package org.gmmvi.core.config;

/** Design choice 4, natural-gradient-based component update (ALGORITHM.md §2.4). */
public enum ComponentUpdaterType implements DesignChoice {
  /** I: direct natural-gradient step. */
  DIRECT('I', "direct"),
  /** Y: improved Bayesian learning rule. */
  IBLR('Y', "iBLR"),
  /** T: KL-bounded trust-region step. */
  TRUST_REGION('T', "trust-region");

  private final char letter;
  private final String type;

  ComponentUpdaterType(char letter, String type) {
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
