package org.gmmvi.core.sample;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;

/**
 * Design choice 3 (codeword position 3): which samples an iteration uses (ALGORITHM.md §2.3).
 *
 * <p>Lifecycle: {@link #select} is called once per iteration, as step 1 of §1.6. It reuses the newest
 * {@code floor(ρ·n_des)·K} database samples, estimates how many effective samples they provide,
 * draws the missing ones from the current model, evaluates them, stores them, and returns the newest
 * window (reused plus new) with recomputed background densities. Stateless apart from workspaces.
 */
public interface SampleSelector {

  /** One selection from the current {@code model} (randomness from {@code rng}). */
  Selection select(GmmModel model, SampleDatabase db, SampleEvaluator evaluator, Rng rng);

  /** Effective sample size {@code floor(1/Σ ŵ²)} with {@code ŵ = softmax(lw)} over {@code n} log-weights. */
  static int effectiveSampleSize(double[] lw, int n) {
    if (n == 0) {
      return 0;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, lw[i]);
    }
    if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
      return 0;
    }
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.exp(lw[i] - max);
      s1 += e;
      s2 += e * e;
    }
    // 1 / Σ (e_i/s1)² = s1² / Σ e_i²
    return (int) Math.floor(s1 * s1 / s2);
  }
}
