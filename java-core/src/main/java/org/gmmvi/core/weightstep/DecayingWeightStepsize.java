package org.gmmvi.core.weightstep;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;

/**
 * Option G (ALGORITHM.md §2.7): {@code s = initial / (1 + k^a)}, where {@code k = 0, 1, 2, …} counts
 * the previous calls ({@code 0^a = 0}). {@code annealing_exponent} has no default (§6 item 14).
 */
public final class DecayingWeightStepsize implements WeightStepsizeAdaptation {

  private final double initial;
  private final double exponent;
  private long calls;

  public DecayingWeightStepsize(double initialStepsize, double annealingExponent) {
    this.initial = initialStepsize;
    this.exponent = annealingExponent;
  }

  @Override
  public double next(GmmModel model, ComponentBookkeeping book) {
    double s = initial / (1 + (calls == 0 ? 0 : Math.pow(calls, exponent)));
    calls++;
    return s;
  }

  @Override
  public double[] saveState() {
    return new double[] {calls};
  }

  @Override
  public void restoreState(double[] state) {
    ModuleState.checkState(state, 1, "decaying weight step size");
    calls = (long) state[0];
  }
}
