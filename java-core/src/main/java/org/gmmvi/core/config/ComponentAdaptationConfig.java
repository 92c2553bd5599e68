package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code num_component_adapter_config} (ALGORITHM.md §2.2), one record per option. */
public sealed interface ComponentAdaptationConfig {

  /** The config map with the reference's keys, in the reference's order. */
  Map<String, Object> toMap();

  /** E: a fixed number of components; no settings. */
  record Fixed() implements ComponentAdaptationConfig {
    @Override
    public Map<String, Object> toMap() {
      return new LinkedHashMap<>();
    }
  }

  /**
   * A: VIPS-style adding and deleting.
   *
   * @param delIters           {@code del_iters} (≥ 3: the deletion kernel needs it)
   * @param addIters           {@code add_iters} (≥ 1)
   * @param maxComponents      {@code max_components} (≥ 1)
   * @param thresholds         {@code thresholds_for_add_heuristic} (non-empty)
   * @param minWeightForDel    {@code min_weight_for_del_heuristic} (≥ 0)
   * @param numDatabaseSamples {@code num_database_samples} (≥ 0)
   * @param numPriorSamples    {@code num_prior_samples} (≥ 0)
   */
  record Adaptive(int delIters, int addIters, int maxComponents, double[] thresholds,
      double minWeightForDel, int numDatabaseSamples, int numPriorSamples)
      implements ComponentAdaptationConfig {
    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("del_iters", delIters);
      m.put("add_iters", addIters);
      m.put("max_components", maxComponents);
      m.put("thresholds_for_add_heuristic", YamlConfig.list(thresholds));
      m.put("min_weight_for_del_heuristic", minWeightForDel);
      m.put("num_database_samples", numDatabaseSamples);
      m.put("num_prior_samples", numPriorSamples);
      return m;
    }
  }
}
