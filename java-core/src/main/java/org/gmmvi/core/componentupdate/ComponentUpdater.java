package org.gmmvi.core.componentupdate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;

/**
 * Design choice 4 (codeword position 4): how each component takes its natural-gradient step
 * (ALGORITHM.md §2.4). Step sizes are read from {@code book.stepsize(o)} (the KL bound for the
 * trust region, the step {@code β} for direct and iBLR). Implementations also run the common tail:
 * {@code l2reg} adaptation, {@code numUpdates += 1}, and (trust region) {@code lastEta}.
 */
public interface ComponentUpdater {

  /**
   * Updates the means and factors of every component of {@code model} in place; a failed update
   * (non-PD result) keeps the old component (§2.4, §5.6 item 20).
   *
   * @param temperature {@code τ} (only the trust region uses it, as the lower clamp {@code η ≥ τ})
   * @return per-component success flags
   */
  boolean[] apply(GmmModel model, ComponentBookkeeping book, NgEstimate estimate,
      double temperature);

  /**
   * Number of threads updating components concurrently (1 = sequential). Components are
   * independent, so results do not depend on it.
   */
  void setParallelism(int threads);
}
