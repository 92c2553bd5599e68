package org.gmmvi.core.weightupdate;

/**
 * Option U (ALGORITHM.md §2.6.1): {@code u = logw + (β/τ)·elr}, normalised and floored. With
 * {@code β = 1}, {@code τ = 1} this is the greedy VIPS update {@code w_o ∝ w_o·exp(elr_o)}.
 *
 * <p>Paper: Lin, Khan, Schmidt, "Fast and Simple Natural-Gradient Variational Inference with
 * Mixture of Exponential-family Approximations", ICML 2019.
 */
public final class DirectWeightUpdater extends AbstractWeightUpdater {

  public DirectWeightUpdater(boolean useSelfNormalizedImportanceWeights) {
    super(useSelfNormalizedImportanceWeights);
  }

  @Override
  double[] newLogWeights(double[] logw, double[] elr, double stepsize, double temperature) {
    return step(logw, elr, stepsize, temperature);
  }

  /** The direct step on given log-weights and expected log-ratios. */
  public static double[] step(double[] logw, double[] elr, double beta, double temperature) {
    double[] u = new double[logw.length];
    for (int o = 0; o < u.length; o++) {
      u[o] = logw[o] + beta / temperature * elr[o];
    }
    return normalizeWithFloor(u);
  }
}
