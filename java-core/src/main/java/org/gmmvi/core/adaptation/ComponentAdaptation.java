package org.gmmvi.core.adaptation;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.core.sample.SampleEvaluator;

/**
 * Design choice 2 (codeword position 2): adapting the number of components (ALGORITHM.md §2.2).
 *
 * <p>Lifecycle: {@link #adapt} runs once per iteration as step 8 of §1.6, after the iteration counter
 * was incremented ({@code t ≥ 1} completed iterations). It may delete components and add one, keeping
 * the model and its bookkeeping index-aligned. Internal state (the add-call counter) is saved and
 * restored through {@link ModuleState}.
 */
public interface ComponentAdaptation extends ModuleState {

  /**
   * Adapts the model after {@code t} completed iterations.
   *
   * @param evaluator evaluates prior samples (A with {@code num_prior_samples > 0})
   */
  Result adapt(int t, GmmModel model, ComponentBookkeeping book, SampleDatabase db,
      SampleEvaluator evaluator, Rng rng);

  /**
   * What an adaptation did.
   *
   * @param added             components added
   * @param removed           components removed
   * @param priorEvaluations  target evaluations made on prior samples (counted as evaluations)
   */
  record Result(int added, int removed, int priorEvaluations) {
    /** Nothing happened. */
    public static final Result NONE = new Result(0, 0, 0);
  }
}
