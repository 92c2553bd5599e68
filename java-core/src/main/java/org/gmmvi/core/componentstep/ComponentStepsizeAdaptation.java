package org.gmmvi.core.componentstep;

import org.gmmvi.core.model.ComponentBookkeeping;

/**
 * Design choice 5 (codeword position 5): the per-component step sizes (ALGORITHM.md §2.5). The
 * step size is the KL bound {@code ε} for the trust-region updater and the step {@code β} for the
 * direct and iBLR updaters.
 *
 * <p>Lifecycle: new components start at {@link #initialStepsize()} (their bookkeeping entry);
 * {@link #updateStepsizes} runs once per iteration as step 2 of §1.6, before the estimator, and writes
 * {@code book.stepsize(o)} for every component. All state lives in the bookkeeping.
 */
public interface ComponentStepsizeAdaptation {

  /** The step size of new components ({@code initial_stepsize}). */
  double initialStepsize();

  /** Sets {@code book.stepsize(o)} for every component. */
  void updateStepsizes(ComponentBookkeeping book);
}
