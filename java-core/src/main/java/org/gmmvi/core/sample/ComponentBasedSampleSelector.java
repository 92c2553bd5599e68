package org.gmmvi.core.sample;

import java.util.Arrays;
import org.gmmvi.core.config.SampleSelectorConfig;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;

/**
 * Option M, component-based selection as in VIPS (ALGORITHM.md §2.3.1).
 *
 * <pre>
 *   old     = DB.newest(floor(ρ·n_des)·K)
 *   neff_o  = floor(1/Σ_n ŵ_n²),  ŵ = softmax_n(log N(x_n; μ_o, L_o) − log q_bg(x_n))   (0 if old is empty)
 *   nnew_o  = max(1, n_des − neff_o)
 *   draw nnew_o samples from every component o (grouped, in order), evaluate, store
 *   return DB.newest(|old| + |new|)
 * </pre>
 *
 * <p>Paper: Arenz, Neumann, Zhong, "Efficient Gradient-Free Variational Inference using Policy
 * Search", ICML 2018 (VIPS).
 */
public final class ComponentBasedSampleSelector extends AbstractSampleSelector {

  public ComponentBasedSampleSelector(SampleSelectorConfig config) {
    super(config);
  }

  @Override
  int[] newSampleCounts(GmmModel model, SampleBatch old) {
    int k = model.numComponents();
    int[] counts = new int[k];
    if (old.n() == 0) {
      Arrays.fill(counts, desired);
      return counts;
    }
    int n = old.n();
    ensureScratch(n, k);
    model.componentLogDensities(old.x(), n, comp);
    for (int o = 0; o < k; o++) {
      for (int i = 0; i < n; i++) {
        lw[i] = comp[i * k + o] - old.logQbg()[i];
      }
      counts[o] = Math.max(1, desired - SampleSelector.effectiveSampleSize(lw, n));
    }
    return counts;
  }

  @Override
  void draw(GmmModel model, int[] counts, int total, Rng rng, double[] x, int[] map) {
    model.sampleFromComponents(counts, rng, x, map);
  }
}
