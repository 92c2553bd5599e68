package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code weight_updater_config} (ALGORITHM.md §2.6).
 *
 * @param type                               U (direct) or O (trust region)
 * @param useSelfNormalizedImportanceWeights SNIS (true) or standard importance weights
 */
public record WeightUpdaterConfig(WeightUpdaterType type,
    boolean useSelfNormalizedImportanceWeights) {

  static WeightUpdaterConfig parse(WeightUpdaterType type, ConfigSection s) {
    boolean snis = s.bool("use_self_normalized_importance_weights",
        "self-normalised importance weights");
    s.finish();
    return new WeightUpdaterConfig(type, snis);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("use_self_normalized_importance_weights", useSelfNormalizedImportanceWeights);
    return m;
  }
}
