package org.gmmvi.core.config;

/** Design choice 3, sample selection (ALGORITHM.md §2.3). */
public enum SampleSelectorType implements DesignChoice {
  /** P: draw from the mixture (Lin et al.). */
  MIXTURE_BASED('P', "mixture-based"),
  /** M: draw from every component, reusing samples by effective sample size (VIPS). */
  COMPONENT_BASED('M', "component-based");

  private final char letter;
  private final String type;

  SampleSelectorType(char letter, String type) {
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
