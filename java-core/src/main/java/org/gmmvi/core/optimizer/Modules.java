package org.gmmvi.core.optimizer;

import org.gmmvi.core.adaptation.ComponentAdaptation;
import org.gmmvi.core.adaptation.FixedComponentAdaptation;
import org.gmmvi.core.adaptation.VipsComponentAdaptation;
import org.gmmvi.core.componentstep.ComponentStepsizeAdaptation;
import org.gmmvi.core.componentupdate.ComponentUpdater;
import org.gmmvi.core.componentupdate.DirectComponentUpdater;
import org.gmmvi.core.componentupdate.IblrComponentUpdater;
import org.gmmvi.core.componentupdate.TrustRegionComponentUpdater;
import org.gmmvi.core.config.ComponentAdaptationType;
import org.gmmvi.core.config.GmmviConfig;
import org.gmmvi.core.config.ModelInitialization;
import org.gmmvi.core.config.NgEstimatorConfig;
import org.gmmvi.core.config.NgEstimatorType;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.ngestimate.MoreNgEstimator;
import org.gmmvi.core.ngestimate.NgEstimator;
import org.gmmvi.core.ngestimate.SteinNgEstimator;
import org.gmmvi.core.sample.ComponentBasedSampleSelector;
import org.gmmvi.core.sample.MixtureBasedSampleSelector;
import org.gmmvi.core.sample.SampleSelector;
import org.gmmvi.core.weightstep.WeightStepsizeAdaptation;
import org.gmmvi.core.weightupdate.WeightUpdater;

/**
 * The seven modules of one run, built from a resolved config in one place (the codeword-to-class
 * map of ALGORITHM.md §3.2).
 */
record Modules(NgEstimator estimator, ComponentAdaptation adaptation, SampleSelector selector,
    ComponentUpdater updater, ComponentStepsizeAdaptation componentStep,
    WeightUpdater weightUpdater, WeightStepsizeAdaptation weightStep, double initialL2reg) {

  /**
   * @param d dimension (for the adaptation's prior)
   */
  static Modules create(GmmviConfig c, int d) {
    double l2 = initialL2reg(c.ngEstimator());
    ComponentStepsizeAdaptation cs = ComponentStepsizeAdaptation.create(c.componentStepsize());
    return new Modules(estimator(c.ngEstimator()), adaptation(c, d, cs.initialStepsize(), l2),
        switch (c.sampleSelector().type()) {
          case COMPONENT_BASED -> new ComponentBasedSampleSelector(c.sampleSelector());
          case MIXTURE_BASED -> new MixtureBasedSampleSelector(c.sampleSelector());
        },
        switch (c.componentUpdater().type()) {
          case DIRECT -> new DirectComponentUpdater(l2);
          case IBLR -> new IblrComponentUpdater(l2);
          case TRUST_REGION -> new TrustRegionComponentUpdater(l2);
        },
        cs, WeightUpdater.create(c.weightUpdater()),
        WeightStepsizeAdaptation.create(c.weightStepsize()), l2);
  }

  /** {@code l2reg} of new components: MORE's {@code initial_l2_regularizer}, else 1e−12 (§1.4). */
  static double initialL2reg(NgEstimatorConfig c) {
    return c.type() == NgEstimatorType.MORE ? c.initialL2Regularizer()
        : ComponentBookkeeping.DEFAULT_L2REG;
  }

  private static NgEstimator estimator(NgEstimatorConfig c) {
    return switch (c.type()) {
      case MORE -> new MoreNgEstimator(c.onlyUseOwnSamples(),
          c.useSelfNormalizedImportanceWeights(), c.initialL2Regularizer());
      case STEIN -> new SteinNgEstimator(c.onlyUseOwnSamples(),
          c.useSelfNormalizedImportanceWeights());
    };
  }

  private static ComponentAdaptation adaptation(GmmviConfig c, int d, double step, double l2) {
    if (c.componentAdaptation().type() == ComponentAdaptationType.FIXED) {
      return new FixedComponentAdaptation();
    }
    ModelInitialization mi = c.modelInitialization();
    boolean prior = mi != null && mi.hasPrior();
    return new VipsComponentAdaptation(c.componentAdaptation(),
        prior ? ModelInitialization.expand(mi.priorMean(), d) : null,
        prior ? ModelInitialization.expand(mi.initialCov(), d) : null, step, l2);
  }

  /** History length {@code Lh = 2·max(2, del_iters)} with A, else 2 (§1.4). */
  static int historyLength(GmmviConfig c) {
    return c.componentAdaptation().type() == ComponentAdaptationType.ADAPTIVE
        ? 2 * Math.max(2, c.componentAdaptation().delIters()) : 2;
  }
}
