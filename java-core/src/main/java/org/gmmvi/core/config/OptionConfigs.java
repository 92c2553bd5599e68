package org.gmmvi.core.config;

/**
 * The parsers of the module configs whose records differ per option: each switches exhaustively
 * over its position's option enum, so a new option does not compile until it has a parser. The
 * records themselves ({@link StepsizeConfig}, {@link NgEstimatorConfig},
 * {@link ComponentAdaptationConfig}) write their maps back.
 */
final class OptionConfigs {

  private OptionConfigs() {}

  /** Parses {@code ng_estimator_config} for option Z or S. */
  static NgEstimatorConfig ngEstimator(NgEstimatorType type, ConfigSection s) {
    boolean own = s.bool("only_use_own_samples", "use only a component's own samples");
    boolean snis = s.bool("use_self_normalized_importance_weights",
        "self-normalised importance weights");
    NgEstimatorConfig c = switch (type) {
      case MORE -> new NgEstimatorConfig.More(own, snis,
          s.atLeast("initial_l2_regularizer", 0, "MORE's initial ridge coefficient"));
      case STEIN -> new NgEstimatorConfig.Stein(own, snis);
    };
    s.finish();
    return c;
  }

  /** Parses {@code num_component_adapter_config} for option E or A. */
  static ComponentAdaptationConfig componentAdaptation(ComponentAdaptationType type,
      ConfigSection s) {
    ComponentAdaptationConfig c = switch (type) {
      case FIXED -> new ComponentAdaptationConfig.Fixed();
      case ADAPTIVE -> adaptive(s);
    };
    s.finish();
    return c;
  }

  private static ComponentAdaptationConfig.Adaptive adaptive(ConfigSection s) {
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
    return new ComponentAdaptationConfig.Adaptive(del, add, maxK, th, minW, nDb, nPrior);
  }

  /** The reference's defaults of R and N (§3.3), which differ only in {@code min_stepsize}. */
  static Object[] improvementDefaults(double minStepsize) {
    return new Object[] {"initial_stepsize", 1.0, "min_stepsize", minStepsize,
        "max_stepsize", 1.0, "stepsize_inc_factor", 1.15, "stepsize_dec_factor", 0.85};
  }

  /** Parses {@code component_stepsize_adapter_config} for option F, D or R. */
  static StepsizeConfig componentStepsize(ComponentStepsizeType option, ConfigSection s) {
    StepsizeConfig c = switch (option) {
      case FIXED -> new StepsizeConfig.Fixed(initial(s));
      case DECAYING -> new StepsizeConfig.Decaying(initial(s),
          s.atLeast("annealing_exponent", 0, "stepsize = initial / (1 + numUpdates^a)"));
      case IMPROVEMENT_BASED -> improvementBased(s);
    };
    s.finish();
    return c;
  }

  /** Parses {@code weight_stepsize_adapter_config} for option X, G or N. */
  static StepsizeConfig weightStepsize(WeightStepsizeType option, ConfigSection s) {
    StepsizeConfig c = switch (option) {
      case FIXED -> new StepsizeConfig.Fixed(initial(s));
      case DECAYING -> {
        double init = initial(s);
        if (!s.has("annealing_exponent")) {
          throw new ConfigException("missing " + s.path() + ".annealing_exponent: the decaying "
              + "weight step size (G) needs it, stepsize = initial / (1 + k^a); the reference "
              + "ships no default (ALGORITHM.md §6 item 14)");
        }
        yield new StepsizeConfig.Decaying(init, s.atLeast("annealing_exponent", 0,
            "stepsize = initial / (1 + k^a)"));
      }
      case IMPROVEMENT_BASED -> improvementBased(s);
    };
    s.finish();
    return c;
  }

  private static double initial(ConfigSection s) {
    return s.atLeast("initial_stepsize", 0, "initial step size; 0 freezes the update");
  }

  private static StepsizeConfig.ImprovementBased improvementBased(ConfigSection s) {
    double init = initial(s);
    double min = s.positive("min_stepsize", "lower bound of the step size");
    double max = s.positive("max_stepsize", "upper bound of the step size");
    if (max < min) {
      throw new ConfigException(s.path() + ": max_stepsize (" + max
          + ") must be >= min_stepsize (" + min + ")");
    }
    double inc = s.atLeast("stepsize_inc_factor", 1, "factor applied on improvement");
    double dec = s.positive("stepsize_dec_factor", "factor applied otherwise");
    if (dec > 1) {
      throw new ConfigException(s.path() + ".stepsize_dec_factor must be in (0, 1], got " + dec);
    }
    return new StepsizeConfig.ImprovementBased(init, min, max, inc, dec);
  }
}
