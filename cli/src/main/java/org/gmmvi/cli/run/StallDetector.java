package org.gmmvi.cli.run;

import org.gmmvi.core.optimizer.IterationRecord;

/**
 * Says when the optimizer cannot progress: every component update of an iteration failed (a
 * rejected update keeps the component unchanged, ALGORITHM.md §2.4) for {@value #LIMIT}
 * consecutive iterations. The runner prints the warning (again after every further
 * {@value #LIMIT} such iterations); the run goes on, since step sizes and regularisation adapt.
 */
final class StallDetector {

  /** Consecutive iterations with every component update failed before the warning. */
  static final int LIMIT = 20;

  private int consecutive;

  /**
   * Observes one iteration.
   *
   * @return the warning, or {@code null}
   */
  String observe(IterationRecord r) {
    int updated = r.numComponents() - r.componentsAdded() + r.componentsRemoved();
    if (updated > 0 && r.failedComponentUpdates() >= updated) {
      consecutive++;
      if (consecutive % LIMIT == 0) {
        return "warning: every component update failed in the last " + consecutive
            + " iterations (up to iteration " + r.iteration() + "): the optimizer is not making"
            + " progress; check the target's scale and the initial model";
      }
    } else {
      consecutive = 0;
    }
    return null;
  }
}
