package org.gmmvi.core.weightstep;

import org.gmmvi.core.config.StepsizeConfig;
import org.gmmvi.core.config.WeightStepsizeType;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;

/**
 * Design choice 7 (codeword position 7): the weight update's step size (ALGORITHM.md §2.7), the step
 * {@code β} for the direct update and the KL bound {@code ε} for the trust region.
 *
 * <p>Lifecycle: {@link #next} is called once per iteration, as step 5 of §1.6, and returns one
 * scalar. The module's small state (current step size, call counter, last ELBO) is saved and restored
 * with {@link #saveState()}/{@link #restoreState(double[])} for checkpoints.
 */
public interface WeightStepsizeAdaptation {

  /** The step size for this iteration (reads the current weights and the newest stored rewards). */
  double next(GmmModel model, ComponentBookkeeping book);

  /** The complete internal state. */
  double[] saveState();

  /** Restores {@link #saveState()} output. */
  void restoreState(double[] state);

  /** The option for a config (X, G or N). */
  static WeightStepsizeAdaptation create(StepsizeConfig c) {
    return switch ((WeightStepsizeType) c.option()) {
      case FIXED -> new FixedWeightStepsize(c.initialStepsize());
      case DECAYING -> new DecayingWeightStepsize(c.initialStepsize(), c.annealingExponent());
      case IMPROVEMENT_BASED -> new ImprovementBasedWeightStepsize(c.initialStepsize(),
          c.minStepsize(), c.maxStepsize(), c.incFactor(), c.decFactor());
    };
  }

  /** Checks a restored state's length. */
  static void checkState(double[] state, int length, String module) {
    if (state == null || state.length != length) {
      throw new IllegalArgumentException(module + " state must have " + length + " values, got "
          + (state == null ? "null" : state.length));
    }
  }
}
