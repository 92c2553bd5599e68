package org.gmmvi.core.weightstep;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;

/**
 * Option N (ALGORITHM.md §2.7). On each call, with the current weights {@code w} and the newest stored
 * rewards {@code RH[·][−1]}:
 * <pre>
 *   elbo = Σ_o w_o·RH[o][−1] − Σ_o w_o·log w_o
 *   s    = elbo > previous elbo ? min(inc·s, max) : max(dec·s, min)
 * </pre>
 * exactly as written (§5.4 item 11: this is {@code Σ w'·elr − KL(w'‖w)} after a weight change). The
 * ELBO history starts at SENT. SENT effects (§2.7): the first call is treated as "no improvement"
 * (0.85 for the defaults); in the iteration after a component was added, its {@code RH[new][−1] =
 * SENT} contributes {@code 1e−29·SENT ≈ −3.4e9}, the ELBO collapses and the step decreases, and the
 * next call sees a large improvement (quirk §6 item 5, copied).
 */
public final class ImprovementBasedWeightStepsize implements WeightStepsizeAdaptation {

  private final double min;
  private final double max;
  private final double inc;
  private final double dec;
  private double stepsize;
  private double lastElbo = ComponentBookkeeping.SENT;
  private long calls;

  public ImprovementBasedWeightStepsize(double initialStepsize, double minStepsize,
      double maxStepsize, double incFactor, double decFactor) {
    this.stepsize = initialStepsize;
    this.min = minStepsize;
    this.max = maxStepsize;
    this.inc = incFactor;
    this.dec = decFactor;
  }

  /** {@code Σ_o w_o·RH[o][−1] − Σ_o w_o·log w_o} with the model's current weights. */
  public static double elbo(GmmModel model, ComponentBookkeeping book) {
    double s = 0;
    int lh = book.historyLength();
    for (int o = 0; o < model.numComponents(); o++) {
      double logw = model.logWeight(o);
      double w = Math.exp(logw);
      s += w * book.reward(o, lh - 1) - (w == 0 ? 0 : w * logw);
    }
    return s;
  }

  @Override
  public double next(GmmModel model, ComponentBookkeeping book) {
    double elbo = elbo(model, book);
    boolean improved = calls > 0 && elbo > lastElbo;
    stepsize = improved ? Math.min(inc * stepsize, max) : Math.max(dec * stepsize, min);
    lastElbo = elbo;
    calls++;
    return stepsize;
  }

  @Override
  public double[] saveState() {
    return new double[] {stepsize, lastElbo, calls};
  }

  @Override
  public void restoreState(double[] state) {
    ModuleState.checkState(state, 3, "improvement-based weight step size");
    stepsize = state[0];
    lastElbo = state[1];
    calls = (long) state[2];
  }
}
