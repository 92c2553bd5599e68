package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ng_estimator_config} (ALGORITHM.md §2.1), one record per option.
 */
public sealed interface NgEstimatorConfig {

  /** {@code only_use_own_samples}: use only the samples a component drew itself. */
  boolean onlyUseOwnSamples();

  /** {@code use_self_normalized_importance_weights}: SNIS (true) or standard weights. */
  boolean useSelfNormalizedImportanceWeights();

  /** The config map with the reference's keys, in the reference's order. */
  Map<String, Object> toMap();

  /**
   * Z: MORE.
   *
   * @param initialL2Regularizer {@code initial_l2_regularizer}, the initial ridge coefficient
   *                             {@code λ0} (≥ 0)
   */
  record More(boolean onlyUseOwnSamples, boolean useSelfNormalizedImportanceWeights,
      double initialL2Regularizer) implements NgEstimatorConfig {

    public More {
      if (!(initialL2Regularizer >= 0)) {
        throw new ConfigException("ng_estimator_config.initial_l2_regularizer must be >= 0, got "
            + initialL2Regularizer);
      }
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("initial_l2_regularizer", initialL2Regularizer);
      m.putAll(flags(this));
      return m;
    }
  }

  /** S: Stein. */
  record Stein(boolean onlyUseOwnSamples, boolean useSelfNormalizedImportanceWeights)
      implements NgEstimatorConfig {
    @Override
    public Map<String, Object> toMap() {
      return flags(this);
    }
  }

  private static Map<String, Object> flags(NgEstimatorConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("only_use_own_samples", c.onlyUseOwnSamples());
    m.put("use_self_normalized_importance_weights", c.useSelfNormalizedImportanceWeights());
    return m;
  }
}
