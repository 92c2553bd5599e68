package org.gmmvi.core.optimizer;

import org.gmmvi.core.config.ModelInitialization;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.Kernels;

/**
 * The initial model of ALGORITHM.md §1.5: weights {@code 1/K0}; mean {@code prior_mean} for
 * {@code K0 = 1}, else {@code prior_mean + prior_scale ⊙ z_o}, {@code z_o ~ N(0, I)} drawn component by
 * component with the run's generator; every covariance {@code diag(initial_cov)} (else
 * {@code diag(prior_scale²)}).
 */
final class InitialModel {

  private InitialModel() {}

  static GmmModel build(ModelInitialization mi, int d, Rng rng, Kernels kernels) {
    int k = mi.numInitialComponents();
    double[] mean = ModelInitialization.expand(mi.priorMean(), d);
    double[] scale = ModelInitialization.expand(mi.priorScale(), d);
    double[] var = mi.initialVariance(d);
    double[] logw = new double[k];
    double[] means = new double[k * d];
    boolean diag = mi.useDiagonalCovs();
    int per = diag ? d : d * d;
    double[] chols = new double[k * per];
    for (int o = 0; o < k; o++) {
      logw[o] = -Math.log(k);
      for (int i = 0; i < d; i++) {
        means[o * d + i] = k == 1 ? mean[i] : mean[i] + scale[i] * rng.nextGaussian();
        chols[o * per + (diag ? i : i * d + i)] = Math.sqrt(var[i]);
      }
    }
    return GmmModel.create(logw, means, chols, d, diag, kernels);
  }
}
