package org.gmmvi.core.config;

/** Design choice 2, adaptation of the number of components (ALGORITHM.md §2.2). */
public enum ComponentAdaptationType implements DesignChoice {
  /** E: fixed number of components. */
  FIXED('E', "fixed"),
  /** A: VIPS-style adding and deleting of components. */
  ADAPTIVE('A', "adaptive");

  private final char letter;
  private final String type;

  ComponentAdaptationType(char letter, String type) {
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
