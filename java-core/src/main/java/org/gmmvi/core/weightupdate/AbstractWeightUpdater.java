package org.gmmvi.core.weightupdate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.LogMath;
import org.gmmvi.core.sample.SampleBatch;

/**
 * The part both weight updaters share (ALGORITHM.md §2.6): expected log-ratios, rewards, and the
 * floored normalisation. Subclasses give the new log-weights from the old ones and {@code elr}.
 */
abstract class AbstractWeightUpdater implements WeightUpdater {

  private final boolean snis;
  private double[] comp = new double[0];
  private double[] logq = new double[0];
  private double[] f = new double[0];

  AbstractWeightUpdater(boolean useSelfNormalizedImportanceWeights) {
    this.snis = useSelfNormalizedImportanceWeights;
  }

  @Override
  public final void update(GmmModel model, ComponentBookkeeping book, SampleBatch batch,
      double stepsize, double temperature) {
    int k = model.numComponents();
    double[] elr = expectedLogRatios(model, batch, temperature);
    double[] logw = model.logWeights();
    double[] rewards = new double[k];
    for (int o = 0; o < k; o++) {
      rewards[o] = temperature * logw[o] + elr[o];
    }
    book.storeRewards(rewards);
    if (k > 1) {
      double[] v = newLogWeights(logw, elr, stepsize, temperature);
      model.setLogWeights(v);
      book.storeWeights(model.weights());
    }
  }

  /** The new (normalised, floored) log-weights, {@code K > 1}. */
  abstract double[] newLogWeights(double[] logw, double[] elr, double stepsize,
      double temperature);

  /**
   * Expected log-ratios {@code elr_o} under the model's current components and weights, with
   * {@code f_n = logP_n − τ·log q(x_n)}:
   * <pre>
   *   SNIS:     elr_o = Σ_n softmax_n(C[o][n] − logQbg_n) · f_n
   *   standard: elr_o = (1/N) Σ_n exp(C[o][n] − logQbg_n) · f_n     (max-shifted)
   * </pre>
   * {@code C[o][n] = log N(x_n; μ_o, L_o)}.
   */
  double[] expectedLogRatios(GmmModel model, SampleBatch batch, double temperature) {
    int n = batch.n();
    int k = model.numComponents();
    if (comp.length < n * k) {
      comp = new double[n * k];
    }
    if (logq.length < n) {
      logq = new double[n];
      f = new double[n];
    }
    model.logDensity(batch.x(), n, comp, logq);
    for (int i = 0; i < n; i++) {
      f[i] = batch.logP()[i] - temperature * logq[i];
    }
    double[] elr = new double[k];
    double[] qbg = batch.logQbg();
    for (int o = 0; o < k; o++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, comp[i * k + o] - qbg[i]);
      }
      double sw = 0;
      double swf = 0;
      for (int i = 0; i < n; i++) {
        double w = Math.exp(comp[i * k + o] - qbg[i] - max);
        sw += w;
        swf += w * f[i];
      }
      elr[o] = snis ? swf / sw : swf * Math.exp(max) / n;
    }
    return elr;
  }

  /** {@code v = u − lse(u); v = max(v, −69.07); v = v − lse(v)} (in place, returns {@code u}). */
  static double[] normalizeWithFloor(double[] u) {
    subtract(u, logSumExp1p(u));
    for (int o = 0; o < u.length; o++) {
      u[o] = Math.max(u[o], LOG_WEIGHT_FLOOR);
    }
    subtract(u, logSumExp1p(u));
    return u;
  }

  private static void subtract(double[] u, double z) {
    for (int o = 0; o < u.length; o++) {
      u[o] -= z;
    }
  }

  /**
   * {@code log Σ exp(u)} as {@code max + log1p(Σ_{o≠argmax} exp(u_o − max))}, which keeps tiny
   * contributions such as a floored weight {@code e^−69.07} (§5.3 item 9: the remaining log-weight is
   * {@code −1.0076e−30}, not 0).
   */
  static double logSumExp1p(double[] u) {
    int arg = 0;
    for (int o = 1; o < u.length; o++) {
      if (u[o] > u[arg]) {
        arg = o;
      }
    }
    double max = u[arg];
    if (!Double.isFinite(max)) {
      return LogMath.logSumExp(u);
    }
    double s = 0;
    for (int o = 0; o < u.length; o++) {
      if (o != arg) {
        s += Math.exp(u[o] - max);
      }
    }
    return max + Math.log1p(s);
  }
}
