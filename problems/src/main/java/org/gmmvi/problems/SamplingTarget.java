package org.gmmvi.problems;

import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;

/** A target that can draw exact samples (the GMM and STM targets, PROBLEMS.md §4.5/§4.6). */
public interface SamplingTarget extends Target {

  /**
   * Draws {@code n} independent samples into {@code out} (row-major {@code n × D}), using only
   * {@code rng} as random source.
   */
  void sample(Rng rng, int n, double[] out);

  /** Convenience: a new {@code n × D} array of samples. */
  default double[] sample(Rng rng, int n) {
    double[] out = new double[n * dimension()];
    sample(rng, n, out);
    return out;
  }
}
