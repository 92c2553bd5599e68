package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's module default configurations (ALGORITHM.md §3.3), the only defaults it has. For a
 * codeword, {@link #forCodeword} returns the seven {@code …_type}/{@code …_config} pairs.
 */
public final class ModuleDefaults {

  private ModuleDefaults() {}

  /** The merged module defaults of the codeword's seven letters (a fresh, mutable map). */
  public static Map<String, Object> forCodeword(Codeword cw) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ModulePosition p : ModulePosition.values()) {
      DesignChoice o = cw.option(p);
      out.put(p.typeKey(), o.typeString());
      out.put(p.configKey(), defaults(o));
    }
    return out;
  }

  /** The default {@code …_config} map of one option (a fresh, mutable map). */
  public static Map<String, Object> defaults(DesignChoice option) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (option) {
      case NgEstimatorType.MORE -> {
        m.put("initial_l2_regularizer", 1.0e-12);
        m.put("only_use_own_samples", false);
        m.put("use_self_normalized_importance_weights", true);
      }
      case NgEstimatorType.STEIN -> {
        m.put("only_use_own_samples", false);
        m.put("use_self_normalized_importance_weights", true);
      }
      case ComponentAdaptationType.ADAPTIVE -> {
        m.put("del_iters", 100);
        m.put("add_iters", 30);
        m.put("max_components", 1000);
        m.put("thresholds_for_add_heuristic", new java.util.ArrayList<Object>(
            List.of(5000.0, 1000.0, 500.0, 200.0, 100.0, 50.0)));
        m.put("min_weight_for_del_heuristic", 1.0e-6);
        m.put("num_database_samples", 100000);
        m.put("num_prior_samples", 0);
      }
      case ComponentAdaptationType.FIXED -> { }
      case SampleSelectorType.COMPONENT_BASED -> {
        m.put("desired_samples_per_component", 100);
        m.put("ratio_reused_samples_to_desired", 2.0);
      }
      case SampleSelectorType.MIXTURE_BASED -> {
        m.put("desired_samples_per_component", 100);
        m.put("ratio_reused_samples_to_desired", 0.0);
      }
      case ComponentUpdaterType u -> { }
      case ComponentStepsizeType.FIXED -> m.put("initial_stepsize", 1.0e-5);
      case ComponentStepsizeType.DECAYING -> {
        m.put("initial_stepsize", 1.0);
        m.put("annealing_exponent", 0.55);
      }
      case ComponentStepsizeType.IMPROVEMENT_BASED -> improvement(m, 0.001);
      case WeightUpdaterType u -> m.put("use_self_normalized_importance_weights", true);
      case WeightStepsizeType.FIXED -> m.put("initial_stepsize", 1.0);
      // annealing_exponent has no usable default in the reference (§6 item 14): it must be given.
      case WeightStepsizeType.DECAYING -> m.put("initial_stepsize", 1.0);
      case WeightStepsizeType.IMPROVEMENT_BASED -> improvement(m, 0.0001);
      default -> throw new IllegalArgumentException("unknown option " + option);
    }
    return m;
  }

  private static void improvement(Map<String, Object> m, double min) {
    m.put("initial_stepsize", 1.0);
    m.put("min_stepsize", min);
    m.put("max_stepsize", 1.0);
    m.put("stepsize_inc_factor", 1.15);
    m.put("stepsize_dec_factor", 0.85);
  }
}
