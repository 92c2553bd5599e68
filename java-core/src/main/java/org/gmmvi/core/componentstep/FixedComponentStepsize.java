package org.gmmvi.core.componentstep;

import org.gmmvi.core.model.ComponentBookkeeping;

/** Option F (ALGORITHM.md §2.5): every component keeps {@code initial_stepsize}. */
public final class FixedComponentStepsize implements ComponentStepsizeAdaptation {

  private final double initial;

  public FixedComponentStepsize(double initialStepsize) {
    this.initial = initialStepsize;
  }

  @Override
  public double initialStepsize() {
    return initial;
  }

  @Override
  public void updateStepsizes(ComponentBookkeeping book) {
    for (int o = 0; o < book.size(); o++) {
      book.setStepsize(o, initial);
    }
  }
}
