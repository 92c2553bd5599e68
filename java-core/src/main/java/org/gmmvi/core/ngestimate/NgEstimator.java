package org.gmmvi.core.ngestimate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;

/** Design choice 1 (codeword position 1): how the natural gradients are estimated (ALGORITHM.md §2.1). */
public interface NgEstimator {

  /**
   * Estimates {@code Rneg} and {@code gneg} for every component of the current {@code model} from
   * the samples of {@code batch} (uses the background densities, target values and, for Stein, the
   * target gradients). MORE reads the ridge coefficients {@code l2reg_o} from {@code book}.
   */
  NgEstimate estimate(GmmModel model, ComponentBookkeeping book, SampleBatch batch);

  /** Whether the estimator reads target gradients (Stein: yes; MORE: no). */
  boolean needsGradients();

  /**
   * Number of threads estimating components concurrently (1 = sequential). Results do not depend
   * on it.
   */
  void setParallelism(int threads);
}
