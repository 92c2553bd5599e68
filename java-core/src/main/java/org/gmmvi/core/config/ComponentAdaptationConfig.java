package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code num_component_adapter_config} (ALGORITHM.md §2.2). For E (fixed) every numeric field is 0 and
 * unused.
 *
 * @param type                     E (fixed) or A (adaptive)
 * @param delIters                 {@code del_iters} (≥ 3 with A: the deletion kernel needs it)
 * @param addIters                 {@code add_iters} (≥ 1)
 * @param maxComponents            {@code max_components} (≥ 1)
 * @param thresholds               {@code thresholds_for_add_heuristic} (non-empty)
 * @param minWeightForDel          {@code min_weight_for_del_heuristic} (≥ 0)
 * @param numDatabaseSamples       {@code num_database_samples} (≥ 0)
 * @param numPriorSamples          {@code num_prior_samples} (≥ 0)
 */
public record ComponentAdaptationConfig(ComponentAdaptationType type, int delIters, int addIters,
    int maxComponents, double[] thresholds, double minWeightForDel, int numDatabaseSamples,
    int numPriorSamples) {

  static ComponentAdaptationConfig parse(ComponentAdaptationType type, ConfigSection s) {
    if (type == ComponentAdaptationType.FIXED) {
      s.finish();
      return new ComponentAdaptationConfig(type, 0, 0, 0, new double[0], 0, 0, 0);
    }
    int del = s.intAtLeast("del_iters", 3,
        "iterations between reward comparisons for deletion; the smoothing kernel has "
            + "2*floor(del_iters/3) entries");
    int add = s.intAtLeast("add_iters", 1, "a component is added every add_iters iterations");
    int maxK = s.intAtLeast("max_components", 1, "upper bound on the number of components");
    double[] th = s.scalarOrVector("thresholds_for_add_heuristic",
        "log-density thresholds cycled through by the add heuristic");
    double minW = s.atLeast("min_weight_for_del_heuristic", 0,
        "components whose weight stayed below this may be deleted");
    int nDb = s.intAtLeast("num_database_samples", 0, "candidate locations from the database");
    int nPrior = s.intAtLeast("num_prior_samples", 0, "candidate locations drawn from the prior");
    s.finish();
    return new ComponentAdaptationConfig(type, del, add, maxK, th, minW, nDb, nPrior);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (type == ComponentAdaptationType.ADAPTIVE) {
      m.put("del_iters", delIters);
      m.put("add_iters", addIters);
      m.put("max_components", maxComponents);
      m.put("thresholds_for_add_heuristic", YamlConfig.list(thresholds));
      m.put("min_weight_for_del_heuristic", minWeightForDel);
      m.put("num_database_samples", numDatabaseSamples);
      m.put("num_prior_samples", numPriorSamples);
    }
    return m;
  }
}
