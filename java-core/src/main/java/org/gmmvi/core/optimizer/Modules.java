package org.gmmvi.core.optimizer;

import org.gmmvi.core.adaptation.ComponentAdaptation;
import org.gmmvi.core.adaptation.FixedComponentAdaptation;
import org.gmmvi.core.adaptation.VipsComponentAdaptation;
import org.gmmvi.core.componentstep.ComponentStepsizeAdaptation;
import org.gmmvi.core.componentstep.DecayingComponentStepsize;
import org.gmmvi.core.componentstep.FixedComponentStepsize;
import org.gmmvi.core.componentstep.ImprovementBasedComponentStepsize;
import org.gmmvi.core.componentupdate.ComponentUpdater;
import org.gmmvi.core.componentupdate.DirectComponentUpdater;
import org.gmmvi.core.componentupdate.IblrComponentUpdater;
import org.gmmvi.core.componentupdate.TrustRegionComponentUpdater;
import org.gmmvi.core.config.ComponentAdaptationConfig;
import org.gmmvi.core.config.GmmviConfig;
import org.gmmvi.core.config.ModelInitialization;
import org.gmmvi.core.config.NgEstimatorConfig;
import org.gmmvi.core.config.SampleSelectorConfig;
import org.gmmvi.core.config.StepsizeConfig;
import org.gmmvi.core.config.WeightUpdaterConfig;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.ngestimate.MoreNgEstimator;
import org.gmmvi.core.ngestimate.NgEstimator;
import org.gmmvi.core.ngestimate.SteinNgEstimator;
import org.gmmvi.core.sample.ComponentBasedSampleSelector;
import org.gmmvi.core.sample.MixtureBasedSampleSelector;
import org.gmmvi.core.sample.SampleSelector;
import org.gmmvi.core.weightstep.DecayingWeightStepsize;
import org.gmmvi.core.weightstep.FixedWeightStepsize;
import org.gmmvi.core.weightstep.ImprovementBasedWeightStepsize;
import org.gmmvi.core.weightstep.WeightStepsizeAdaptation;
import org.gmmvi.core.weightupdate.DirectWeightUpdater;
import org.gmmvi.core.weightupdate.TrustRegionWeightUpdater;
import org.gmmvi.core.weightupdate.WeightUpdater;

/**
 * The seven modules of one run, built from a resolved config in one place (the codeword-to-class
 * map of ALGORITHM.md §3.2). Every factory switches exhaustively over its position's option enum
 * or sealed config records, so a new option does not compile until it is built here.
 */
record Modules(NgEstimator estimator, ComponentAdaptation adaptation, SampleSelector selector,
    ComponentUpdater updater, ComponentStepsizeAdaptation componentStep,
    WeightUpdater weightUpdater, WeightStepsizeAdaptation weightStep, double initialL2reg) {

  /**
   * @param d dimension (for the adaptation's prior)
   */
  static Modules create(GmmviConfig c, int d) {
    double l2 = initialL2reg(c.ngEstimator());
    ComponentStepsizeAdaptation cs = componentStep(c.componentStepsize());
    return new Modules(estimator(c.ngEstimator()), adaptation(c, d, cs.initialStepsize(), l2),
        selector(c.sampleSelector()), updater(c, l2), cs, weightUpdater(c.weightUpdater()),
        weightStep(c.weightStepsize()), l2);
  }

  /** {@code l2reg} of new components: MORE's {@code initial_l2_regularizer}, else 1e−12 (§1.4). */
  static double initialL2reg(NgEstimatorConfig c) {
    return c instanceof NgEstimatorConfig.More m ? m.initialL2Regularizer()
        : ComponentBookkeeping.DEFAULT_L2REG;
  }

  /** Position 1 (Z or S). */
  private static NgEstimator estimator(NgEstimatorConfig c) {
    return switch (c) {
      case NgEstimatorConfig.More m -> new MoreNgEstimator(m.onlyUseOwnSamples(),
          m.useSelfNormalizedImportanceWeights(), m.initialL2Regularizer());
      case NgEstimatorConfig.Stein s -> new SteinNgEstimator(s.onlyUseOwnSamples(),
          s.useSelfNormalizedImportanceWeights());
    };
  }

  /** Position 2 (E or A). */
  private static ComponentAdaptation adaptation(GmmviConfig c, int d, double step, double l2) {
    return switch (c.componentAdaptation()) {
      case ComponentAdaptationConfig.Fixed f -> new FixedComponentAdaptation();
      case ComponentAdaptationConfig.Adaptive a -> {
        ModelInitialization mi = c.modelInitialization();
        boolean prior = mi != null && mi.hasPrior();
        yield new VipsComponentAdaptation(a,
            prior ? ModelInitialization.expand(mi.priorMean(), d) : null,
            prior ? ModelInitialization.expand(mi.initialCov(), d) : null, step, l2);
      }
    };
  }

  /** Position 3 (P or M). */
  private static SampleSelector selector(SampleSelectorConfig c) {
    return switch (c.type()) {
      case COMPONENT_BASED -> new ComponentBasedSampleSelector(c);
      case MIXTURE_BASED -> new MixtureBasedSampleSelector(c);
    };
  }

  /** Position 4 (I, Y or T). */
  private static ComponentUpdater updater(GmmviConfig c, double l2) {
    return switch (c.componentUpdater().type()) {
      case DIRECT -> new DirectComponentUpdater(l2);
      case IBLR -> new IblrComponentUpdater(l2);
      case TRUST_REGION -> new TrustRegionComponentUpdater(l2);
    };
  }

  /** Position 5 (F, D or R). */
  private static ComponentStepsizeAdaptation componentStep(StepsizeConfig c) {
    return switch (c) {
      case StepsizeConfig.Fixed f -> new FixedComponentStepsize(f.initialStepsize());
      case StepsizeConfig.Decaying g -> new DecayingComponentStepsize(g.initialStepsize(),
          g.annealingExponent());
      case StepsizeConfig.ImprovementBased r -> new ImprovementBasedComponentStepsize(
          r.initialStepsize(), r.minStepsize(), r.maxStepsize(), r.incFactor(), r.decFactor());
    };
  }

  /** Position 6 (U or O). */
  private static WeightUpdater weightUpdater(WeightUpdaterConfig c) {
    return switch (c.type()) {
      case DIRECT -> new DirectWeightUpdater(c.useSelfNormalizedImportanceWeights());
      case TRUST_REGION -> new TrustRegionWeightUpdater(c.useSelfNormalizedImportanceWeights());
    };
  }

  /** Position 7 (X, G or N). */
  private static WeightStepsizeAdaptation weightStep(StepsizeConfig c) {
    return switch (c) {
      case StepsizeConfig.Fixed f -> new FixedWeightStepsize(f.initialStepsize());
      case StepsizeConfig.Decaying g -> new DecayingWeightStepsize(g.initialStepsize(),
          g.annealingExponent());
      case StepsizeConfig.ImprovementBased n -> new ImprovementBasedWeightStepsize(
          n.initialStepsize(), n.minStepsize(), n.maxStepsize(), n.incFactor(), n.decFactor());
    };
  }

  /** History length {@code Lh = 2·max(2, del_iters)} with A, else 2 (§1.4). */
  static int historyLength(GmmviConfig c) {
    return c.componentAdaptation() instanceof ComponentAdaptationConfig.Adaptive a
        ? 2 * Math.max(2, a.delIters()) : 2;
  }
}
