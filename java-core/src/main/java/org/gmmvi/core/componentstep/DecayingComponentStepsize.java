package org.gmmvi.core.componentstep;

import org.gmmvi.core.model.ComponentBookkeeping;

/**
 * Option D (ALGORITHM.md §2.5): {@code stepsize_o = initial / (1 + numUpdates_o^a)}, with
 * {@code numUpdates_o} the updates component {@code o} received before this iteration
 * ({@code 0^a = 0}, so the first step uses {@code initial}). §5.5 item 16: with initial 1 and
 * {@code a = 0.55}, {@code numUpdates = 0, 1, 2, 10, 100} give {@code 1, 0.5, 0.40583, 0.21987, 0.07359}.
 */
public final class DecayingComponentStepsize implements ComponentStepsizeAdaptation {

  private final double initial;
  private final double exponent;

  public DecayingComponentStepsize(double initialStepsize, double annealingExponent) {
    this.initial = initialStepsize;
    this.exponent = annealingExponent;
  }

  @Override
  public double initialStepsize() {
    return initial;
  }

  /** {@code initial / (1 + n^a)}, with {@code 0^a = 0}. */
  public double stepsize(double numUpdates) {
    return initial / (1 + (numUpdates == 0 ? 0 : Math.pow(numUpdates, exponent)));
  }

  @Override
  public void updateStepsizes(ComponentBookkeeping book) {
    for (int o = 0; o < book.size(); o++) {
      book.setStepsize(o, stepsize(book.numUpdates(o)));
    }
  }
}
