package org.gmmvi.core.config;

/** Design choice 1, natural-gradient estimator (ALGORITHM.md §2.1). */
public enum NgEstimatorType implements DesignChoice {
  /** Z: MORE, quadratic regression on whitened samples (zero-order; VIPS). */
  MORE('Z', "MORE"),
  /** S: Stein's lemma (first-order; needs target gradients). */
  STEIN('S', "Stein");

  private final char letter;
  private final String type;

  NgEstimatorType(char letter, String type) {
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
