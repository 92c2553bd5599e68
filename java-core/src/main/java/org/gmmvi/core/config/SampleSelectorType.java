package org.gmmvi.core.config;

/** Design choice 3, sample selection (ALGORITHM.md §2.3). */
public enum SampleSelectorType implements DesignChoice {
  /** P: draw from the mixture (Lin et al.). */
  MIXTURE_BASED(OptionRow.of('P', "mixture-based", "mixture-based: new samples from the whole"
      + " mixture (Lin et al.)",
      "desired_samples_per_component", 100, "ratio_reused_samples_to_desired", 0.0)),
  /** M: draw from every component, reusing samples by effective sample size (VIPS). */
  COMPONENT_BASED(OptionRow.of('M', "component-based", "component-based: new samples per"
      + " component, reuse of recent samples (VIPS)",
      "desired_samples_per_component", 100, "ratio_reused_samples_to_desired", 2.0));

  private final OptionRow row;

  SampleSelectorType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
