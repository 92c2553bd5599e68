package org.gmmvi.core.weightstep;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;

/**
 * Design choice 7 (codeword position 7): the weight update's step size (ALGORITHM.md §2.7), the step
 * {@code β} for the direct update and the KL bound {@code ε} for the trust region.
 *
 * <p>Lifecycle: {@link #next} is called once per iteration, as step 5 of §1.6, and returns one
 * scalar. The module's small state (current step size, call counter, last ELBO) is saved and restored
 * through {@link ModuleState} for checkpoints.
 */
public interface WeightStepsizeAdaptation extends ModuleState {

  /** The step size for this iteration (reads the current weights and the newest stored rewards). */
  double next(GmmModel model, ComponentBookkeeping book);
}
