package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ng_estimator_config} (ALGORITHM.md §2.1).
 *
 * @param type                               Z (MORE) or S (Stein)
 * @param onlyUseOwnSamples                  use only the samples a component drew itself
 * @param useSelfNormalizedImportanceWeights SNIS (true) or standard importance weights
 * @param initialL2Regularizer               MORE's initial ridge coefficient {@code λ0}
 *                                           ({@link Double#NaN} for Stein, which has none)
 */
public record NgEstimatorConfig(NgEstimatorType type, boolean onlyUseOwnSamples,
    boolean useSelfNormalizedImportanceWeights, double initialL2Regularizer) {

  public NgEstimatorConfig {
    if (type == NgEstimatorType.MORE && !(initialL2Regularizer >= 0)) {
      throw new ConfigException("ng_estimator_config.initial_l2_regularizer must be >= 0, got "
          + initialL2Regularizer);
    }
  }

  static NgEstimatorConfig parse(NgEstimatorType type, ConfigSection s) {
    boolean own = s.bool("only_use_own_samples", "use only a component's own samples");
    boolean snis = s.bool("use_self_normalized_importance_weights",
        "self-normalised importance weights");
    double l2 = Double.NaN;
    if (type == NgEstimatorType.MORE) {
      l2 = s.atLeast("initial_l2_regularizer", 0, "MORE's initial ridge coefficient");
    }
    s.finish();
    return new NgEstimatorConfig(type, own, snis, l2);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (type == NgEstimatorType.MORE) {
      m.put("initial_l2_regularizer", initialL2Regularizer);
    }
    m.put("only_use_own_samples", onlyUseOwnSamples);
    m.put("use_self_normalized_importance_weights", useSelfNormalizedImportanceWeights);
    return m;
  }
}
