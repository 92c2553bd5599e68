package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step-size adaptation config, one record per kind of option, shared by
 * {@code component_stepsize_adapter_config} (ALGORITHM.md §2.5, letters F/D/R) and
 * {@code weight_stepsize_adapter_config} (§2.7, letters X/G/N), which use the same keys. Every
 * record holds exactly the keys its option reads.
 *
 * <p>{@code initial_stepsize} is ≥ 0 for every option (the paper's STM runs use 0 for frozen
 * weights, PROBLEMS.md §6.3; it may lie outside [min, max]).
 */
public sealed interface StepsizeConfig {

  /** {@code initial_stepsize}: the step size of new components, or the first weight step. */
  double initialStepsize();

  /** The config map with the reference's keys, in the reference's order. */
  Map<String, Object> toMap();

  /** F or X: a constant {@code initial_stepsize}. */
  record Fixed(double initialStepsize) implements StepsizeConfig {
    @Override
    public Map<String, Object> toMap() {
      return initialMap(initialStepsize);
    }
  }

  /**
   * D or G: {@code initial / (1 + n^a)}.
   *
   * @param annealingExponent {@code annealing_exponent} {@code a} (≥ 0)
   */
  record Decaying(double initialStepsize, double annealingExponent) implements StepsizeConfig {
    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = initialMap(initialStepsize);
      m.put("annealing_exponent", annealingExponent);
      return m;
    }
  }

  /**
   * R or N: multiply by {@code incFactor} on improvement, else by {@code decFactor}, clamped to
   * {@code [minStepsize, maxStepsize]}.
   *
   * @param minStepsize {@code min_stepsize} (> 0)
   * @param maxStepsize {@code max_stepsize} (≥ min)
   * @param incFactor   {@code stepsize_inc_factor} (≥ 1)
   * @param decFactor   {@code stepsize_dec_factor} (in (0, 1])
   */
  record ImprovementBased(double initialStepsize, double minStepsize, double maxStepsize,
      double incFactor, double decFactor) implements StepsizeConfig {
    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = initialMap(initialStepsize);
      m.put("min_stepsize", minStepsize);
      m.put("max_stepsize", maxStepsize);
      m.put("stepsize_inc_factor", incFactor);
      m.put("stepsize_dec_factor", decFactor);
      return m;
    }
  }

  private static Map<String, Object> initialMap(double initialStepsize) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("initial_stepsize", initialStepsize);
    return m;
  }
}
