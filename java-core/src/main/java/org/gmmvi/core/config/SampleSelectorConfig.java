package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sample_selector_config} (ALGORITHM.md §2.3).
 *
 * @param type                          P (mixture-based) or M (component-based)
 * @param desiredSamplesPerComponent    {@code n_des} (≥ 1; for P the total per iteration)
 * @param ratioReusedSamplesToDesired   {@code ρ} (≥ 0); {@code floor(ρ·n_des)·K} samples are reused
 */
public record SampleSelectorConfig(SampleSelectorType type, int desiredSamplesPerComponent,
    double ratioReusedSamplesToDesired) {

  static SampleSelectorConfig parse(SampleSelectorType type, ConfigSection s) {
    int n = s.intAtLeast("desired_samples_per_component", 1,
        "desired number of effective samples per component");
    double rho = s.atLeast("ratio_reused_samples_to_desired", 0,
        "ratio of reused database samples to desired samples");
    s.finish();
    return new SampleSelectorConfig(type, n, rho);
  }

  /** {@code n_reuse = floor(ρ · n_des)}. */
  public int numReusePerComponent() {
    return (int) Math.floor(ratioReusedSamplesToDesired * desiredSamplesPerComponent);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("desired_samples_per_component", desiredSamplesPerComponent);
    m.put("ratio_reused_samples_to_desired", ratioReusedSamplesToDesired);
    return m;
  }
}
