package org.gmmvi.problems.gmm;

import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.mixture.MixtureSampling;
import org.gmmvi.problems.mixture.WhitenedMixtureTarget;

/**
 * A normalized Gaussian-mixture target (PROBLEMS.md §4.5):
 *
 * <pre>
 *   log p(x) = logsumexp_k [ log w_k − (D/2) log 2π − ½ log det Σ_k − ½ (x−μ_k)ᵀ Σ_k⁻¹ (x−μ_k) ]
 *   ∇ log p(x) = Σ_k r_k(x) Σ_k⁻¹ (μ_k − x)
 * </pre>
 *
 * Per component the Cholesky factor {@code L_k} ({@code Σ_k = L_k L_kᵀ}) and its inverse are
 * computed once; the whitening matrix is {@code W_k = L_k⁻ᵀ}. Sampling: choose {@code k} with
 * probability {@code w_k}, return {@code μ_k + L_k z}, {@code z ~ N(0, I)}.
 */
public final class GmmTarget extends WhitenedMixtureTarget {

  private final double[] weights;
  private final double[] cholesky;
  private final double[] logConst;

  /**
   * @param name        name for logs
   * @param weights     {@code K} positive weights summing to one
   * @param means       {@code K × D}
   * @param covariances {@code K × D × D}, symmetric positive definite
   * @throws IllegalArgumentException on inconsistent shapes, bad weights or a covariance that is not
   *     positive definite (naming the component)
   */
  public static GmmTarget of(String name, double[] weights, double[] means, double[] covariances) {
    int k = weights.length;
    if (k == 0 || means.length % k != 0) {
      throw new IllegalArgumentException(name + ": " + k + " weights do not match " + means.length
          + " mean entries");
    }
    int d = means.length / k;
    if (covariances.length != k * d * d) {
      throw new IllegalArgumentException(name + ": expected " + k + " covariances of " + d + " x "
          + d + ", got " + covariances.length + " entries");
    }
    DenseKernels dense = KernelProvider.get().dense();
    double[] chol = covariances.clone();
    double[] whitening = new double[k * d * d];
    double[] inv = new double[d * d];
    double[] logConst = new double[k];
    for (int c = 0; c < k; c++) {
      if (!(weights[c] > 0.0)) {
        throw new IllegalArgumentException(name + ": weight " + c + " must be positive, got "
            + weights[c]);
      }
      int off = c * d * d;
      if (!dense.cholesky(chol, off, d)) {
        throw new IllegalArgumentException(name + ": covariance of component " + c
            + " is not positive definite");
      }
      dense.invertLower(chol, off, d, inv, 0);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          whitening[off + i * d + j] = inv[j * d + i];
        }
      }
      logConst[c] = Math.log(weights[c]) - 0.5 * d * Math.log(2.0 * Math.PI)
          - 0.5 * dense.logDetFromCholesky(chol, off, d);
    }
    return new GmmTarget(name, d, weights.clone(), means, whitening, chol, logConst);
  }

  private GmmTarget(String name, int d, double[] weights, double[] means, double[] whitening,
      double[] cholesky, double[] logConst) {
    super(name, d, means, whitening);
    this.weights = weights;
    this.cholesky = cholesky;
    this.logConst = logConst;
  }

  /** A copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  protected double logConstant(int k) {
    return logConst[k];
  }

  @Override
  protected double shape(int k, double q) {
    return -0.5 * q;
  }

  @Override
  protected double gradientScale(int k, double q) {
    return 1.0;
  }

  @Override
  public void sample(Rng rng, int n, double[] out) {
    int d = dim;
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      int k = MixtureSampling.chooseComponent(rng, weights);
      rng.fillGaussian(z, 0, d);
      int lo = k * d * d;
      for (int a = 0; a < d; a++) {
        double s = means[k * d + a];
        for (int b = 0; b <= a; b++) {
          s += cholesky[lo + a * d + b] * z[b];
        }
        out[i * d + a] = s;
      }
    }
  }
}
