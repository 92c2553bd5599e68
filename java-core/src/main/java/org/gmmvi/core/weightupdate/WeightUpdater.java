package org.gmmvi.core.weightupdate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;

/**
 * Design choice 6 (codeword position 6): the natural-gradient update of the weights (ALGORITHM.md
 * §2.6).
 *
 * <p>Lifecycle: {@link #update} runs once per iteration, as step 6 of §1.6, after the component
 * update. It computes the expected log-ratios with the UPDATED components and the OLD weights, always
 * stores the rewards {@code τ·logw_o + elr_o} (for every {@code K}), and for {@code K > 1} replaces
 * the weights (normalised, floored at {@code log w ≥ −69.07}) and appends them to the weight history.
 * Stateless apart from workspaces.
 */
public interface WeightUpdater {

  /** The weight floor {@code −69.07 ≈ log(1e−30)} (§2.6, a float32 constant of the reference). */
  double LOG_WEIGHT_FLOOR = -69.07;

  /** One weight update with step size (or KL bound) {@code stepsize} and temperature {@code τ}. */
  void update(GmmModel model, ComponentBookkeeping book, SampleBatch batch, double stepsize,
      double temperature);
}
