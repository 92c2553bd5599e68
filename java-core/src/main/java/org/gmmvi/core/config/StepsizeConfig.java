package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step-size adaptation config, shared by {@code component_stepsize_adapter_config} (ALGORITHM.md
 * §2.5, letters F/D/R) and {@code weight_stepsize_adapter_config} (§2.7, letters X/G/N). Fields an
 * option does not use are {@link Double#NaN}.
 *
 * @param option            the option (a {@link ComponentStepsizeType} or {@link WeightStepsizeType})
 * @param initialStepsize   {@code initial_stepsize} (≥ 0; the paper's STM runs use 0 for frozen
 *                          weights, PROBLEMS.md §6.3; it may lie outside [min, max])
 * @param minStepsize       {@code min_stepsize} (> 0; improvement-based only)
 * @param maxStepsize       {@code max_stepsize} (≥ min; improvement-based only)
 * @param incFactor         {@code stepsize_inc_factor} (≥ 1; improvement-based only)
 * @param decFactor         {@code stepsize_dec_factor} (in (0, 1]; improvement-based only)
 * @param annealingExponent {@code annealing_exponent} (≥ 0; decaying only)
 */
public record StepsizeConfig(DesignChoice option, double initialStepsize, double minStepsize,
    double maxStepsize, double incFactor, double decFactor, double annealingExponent) {

  /** Whether the option is improvement-based (R or N). */
  public boolean improvementBased() {
    return option == ComponentStepsizeType.IMPROVEMENT_BASED
        || option == WeightStepsizeType.IMPROVEMENT_BASED;
  }

  /** Whether the option is decaying (D or G). */
  public boolean decaying() {
    return option == ComponentStepsizeType.DECAYING || option == WeightStepsizeType.DECAYING;
  }

  static StepsizeConfig parse(DesignChoice option, ConfigSection s) {
    double init = s.atLeast("initial_stepsize", 0, "initial step size; 0 freezes the update");
    double min = Double.NaN;
    double max = Double.NaN;
    double inc = Double.NaN;
    double dec = Double.NaN;
    double a = Double.NaN;
    if (option == ComponentStepsizeType.IMPROVEMENT_BASED
        || option == WeightStepsizeType.IMPROVEMENT_BASED) {
      min = s.positive("min_stepsize", "lower bound of the step size");
      max = s.positive("max_stepsize", "upper bound of the step size");
      if (max < min) {
        throw new ConfigException(s.path() + ": max_stepsize (" + max
            + ") must be >= min_stepsize (" + min + ")");
      }
      inc = s.atLeast("stepsize_inc_factor", 1, "factor applied on improvement");
      dec = s.positive("stepsize_dec_factor", "factor applied otherwise");
      if (dec > 1) {
        throw new ConfigException(s.path() + ".stepsize_dec_factor must be in (0, 1], got " + dec);
      }
    } else if (option == ComponentStepsizeType.DECAYING) {
      a = s.atLeast("annealing_exponent", 0, "stepsize = initial / (1 + numUpdates^a)");
    } else if (option == WeightStepsizeType.DECAYING) {
      if (!s.has("annealing_exponent")) {
        throw new ConfigException("missing " + s.path() + ".annealing_exponent: the decaying "
            + "weight step size (G) needs it, stepsize = initial / (1 + k^a); the reference "
            + "ships no default (ALGORITHM.md §6 item 14)");
      }
      a = s.atLeast("annealing_exponent", 0, "stepsize = initial / (1 + k^a)");
    }
    s.finish();
    return new StepsizeConfig(option, init, min, max, inc, dec, a);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("initial_stepsize", initialStepsize);
    if (improvementBased()) {
      m.put("min_stepsize", minStepsize);
      m.put("max_stepsize", maxStepsize);
      m.put("stepsize_inc_factor", incFactor);
      m.put("stepsize_dec_factor", decFactor);
    } else if (decaying()) {
      m.put("annealing_exponent", annealingExponent);
    }
    return m;
  }
}
