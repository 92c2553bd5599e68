package org.gmmvi.problems.mixture;

import org.gmmvi.core.random.Rng;

/** Helpers for drawing from mixtures. */
public final class MixtureSampling {

  private MixtureSampling() {}

  /** Index {@code k} drawn with probability {@code weights[k] / Σ weights} (inverse CDF). */
  public static int chooseComponent(Rng rng, double[] weights) {
    double total = 0.0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    double acc = 0.0;
    for (int k = 0; k < weights.length; k++) {
      acc += weights[k];
      if (u < acc) {
        return k;
      }
    }
    return weights.length - 1;
  }
}
