package org.gmmvi.core.weightstep;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;

/** Option X (ALGORITHM.md §2.7): the constant {@code initial_stepsize}. */
public final class FixedWeightStepsize implements WeightStepsizeAdaptation {

  private final double stepsize;

  public FixedWeightStepsize(double stepsize) {
    this.stepsize = stepsize;
  }

  @Override
  public double next(GmmModel model, ComponentBookkeeping book) {
    return stepsize;
  }

  @Override
  public double[] saveState() {
    return new double[0];
  }

  @Override
  public void restoreState(double[] state) {
    ModuleState.checkState(state, 0, "fixed weight step size");
  }
}
