package org.gmmvi.core.componentstep;

import org.gmmvi.core.model.ComponentBookkeeping;

/**
 * Option R (ALGORITHM.md §2.5): per component,
 * <pre>
 *   if RH[o][−2] ≥ RH[o][−1]:  stepsize_o = max(dec · stepsize_o, min)
 *   else:                      stepsize_o = min(inc · stepsize_o, max)
 * </pre>
 * with {@code RH[o][−1]} the reward stored in the previous iteration. Both entries are SENT at the
 * start and {@code SENT ≥ SENT}, so the first call decreases the step size (quirk §6 item 5, copied).
 */
public final class ImprovementBasedComponentStepsize implements ComponentStepsizeAdaptation {

  private final double initial;
  private final double min;
  private final double max;
  private final double inc;
  private final double dec;

  public ImprovementBasedComponentStepsize(double initialStepsize, double minStepsize,
      double maxStepsize, double incFactor, double decFactor) {
    this.initial = initialStepsize;
    this.min = minStepsize;
    this.max = maxStepsize;
    this.inc = incFactor;
    this.dec = decFactor;
  }

  @Override
  public double initialStepsize() {
    return initial;
  }

  @Override
  public void updateStepsizes(ComponentBookkeeping book) {
    int lh = book.historyLength();
    for (int o = 0; o < book.size(); o++) {
      double s = book.stepsize(o);
      boolean improved = !(book.reward(o, lh - 2) >= book.reward(o, lh - 1));
      book.setStepsize(o, improved ? Math.min(inc * s, max) : Math.max(dec * s, min));
    }
  }
}
