package org.gmmvi.core.adaptation;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.core.sample.SampleEvaluator;

/** Option E (ALGORITHM.md §2.2.1): the number of components stays fixed; {@code adapt} does nothing. */
public final class FixedComponentAdaptation implements ComponentAdaptation {

  @Override
  public Result adapt(int t, GmmModel model, ComponentBookkeeping book, SampleDatabase db,
      SampleEvaluator evaluator, Rng rng) {
    return Result.NONE;
  }

  @Override
  public double[] saveState() {
    return new double[0];
  }

  @Override
  public void restoreState(double[] state) {
    ModuleState.checkState(state, 0, "fixed component adaptation");
  }
}
