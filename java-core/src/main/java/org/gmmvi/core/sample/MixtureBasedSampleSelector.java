package org.gmmvi.core.sample;

import org.gmmvi.core.config.SampleSelectorConfig;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;

/**
 * Option P, mixture-based selection as in Lin et al. (ALGORITHM.md §2.3.2). {@code n_des} is the total
 * per iteration; with the default {@code ρ = 0} exactly {@code n_des} new samples are drawn from the
 * mixture.
 *
 * <pre>
 *   old   = DB.newest(floor(ρ·n_des)·K)          (quirk §6 item 10: multiplied by K; copied)
 *   neff  = floor(1/Σ_n ŵ_n²),  ŵ = softmax_n(log q(x_n) − log q_bg(x_n))     (0 if old is empty)
 *   nnew  = max(1, n_des − neff), drawn by mixture sampling (GmmModel.sample, grouped indices: §6 item 9 fixed)
 * </pre>
 *
 * <p>Paper: Lin, Khan, Schmidt, "Fast and Simple Natural-Gradient Variational Inference with
 * Mixture of Exponential-family Approximations", ICML 2019.
 */
public final class MixtureBasedSampleSelector extends AbstractSampleSelector {

  private double[] logq = new double[0];

  public MixtureBasedSampleSelector(SampleSelectorConfig config) {
    super(config);
  }

  @Override
  int[] newSampleCounts(GmmModel model, SampleBatch old) {
    int n = old.n();
    if (n == 0) {
      return new int[] {desired};
    }
    int k = model.numComponents();
    ensureScratch(n, k);
    if (logq.length < n) {
      logq = new double[n];
    }
    model.logDensity(old.x(), n, comp, logq);
    for (int i = 0; i < n; i++) {
      lw[i] = logq[i] - old.logQbg()[i];
    }
    return new int[] {Math.max(1, desired - SampleSelector.effectiveSampleSize(lw, n))};
  }

  @Override
  void draw(GmmModel model, int[] counts, int total, Rng rng, double[] x, int[] map) {
    model.sample(total, rng, x, map);
  }
}
