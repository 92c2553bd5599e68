package org.gmmvi.problems.stm;

import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.mixture.MixtureSampling;
import org.gmmvi.problems.mixture.WhitenedMixtureTarget;

/**
 * A normalized mixture of multivariate Student-t distributions (PROBLEMS.md §4.6), given by
 * locations {@code μ_k} and precision (inverse scale) matrices {@code P_k}; with
 * {@code δ_k² = (x−μ_k)ᵀ P_k (x−μ_k)}:
 *
 * <pre>
 *   log t_k(x) = lgamma((ν+D)/2) − lgamma(ν/2) − (D/2) log(νπ) + ½ log det P_k − ((ν+D)/2) log(1 + δ_k²/ν)
 *   log p(x)   = logsumexp_k [ log w_k + log t_k(x) ]
 *   ∇ log p(x) = −Σ_k r_k(x) · (ν+D)/(ν+δ_k²) · P_k (x−μ_k)
 * </pre>
 *
 * The Cholesky factor {@code C_k} of {@code P_k = C_k C_kᵀ} is the whitening matrix (computed once).
 * Sampling: {@code μ_k + C_k⁻ᵀ z · sqrt(ν / χ²_ν)} (so the scale matrix is {@code P_k⁻¹}).
 */
public final class StmTarget extends WhitenedMixtureTarget {

  private final double[] weights;
  private final double nu;
  private final double[] logConst;

  /**
   * @param name       name for logs
   * @param weights    {@code K} positive weights
   * @param means      locations, {@code K × D}
   * @param precisions {@code K × D × D} symmetric positive definite
   * @param nu         degrees of freedom (a positive integer for sampling; the paper uses 2)
   */
  public static StmTarget of(String name, double[] weights, double[] means, double[] precisions,
      double nu) {
    int k = weights.length;
    if (k == 0 || means.length % k != 0) {
      throw new IllegalArgumentException(name + ": " + k + " weights do not match " + means.length
          + " location entries");
    }
    if (!(nu > 0.0)) {
      throw new IllegalArgumentException(name + ": degrees of freedom must be positive, got " + nu);
    }
    int d = means.length / k;
    if (precisions.length != k * d * d) {
      throw new IllegalArgumentException(name + ": expected " + k + " precisions of " + d + " x "
          + d + ", got " + precisions.length + " entries");
    }
    DenseKernels dense = KernelProvider.get().dense();
    double[] chol = precisions.clone();
    double[] logConst = new double[k];
    double base = lgamma(0.5 * (nu + d)) - lgamma(0.5 * nu) - 0.5 * d * Math.log(nu * Math.PI);
    for (int c = 0; c < k; c++) {
      if (!(weights[c] > 0.0)) {
        throw new IllegalArgumentException(name + ": weight " + c + " must be positive, got "
            + weights[c]);
      }
      int off = c * d * d;
      if (!dense.cholesky(chol, off, d)) {
        throw new IllegalArgumentException(name + ": precision of component " + c
            + " is not positive definite");
      }
      logConst[c] = Math.log(weights[c]) + base + 0.5 * dense.logDetFromCholesky(chol, off, d);
    }
    return new StmTarget(name, d, weights.clone(), means, chol, nu, logConst);
  }

  private StmTarget(String name, int d, double[] weights, double[] means, double[] chol,
      double nu, double[] logConst) {
    super(name, d, means, chol);
    this.weights = weights;
    this.nu = nu;
    this.logConst = logConst;
  }

  /** Degrees of freedom ν. */
  public double degreesOfFreedom() {
    return nu;
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
    return -0.5 * (nu + dim) * Math.log1p(q / nu);
  }

  @Override
  protected double gradientScale(int k, double q) {
    return (nu + dim) / (nu + q);
  }

  /** Requires an integer ν (χ²_ν as a sum of ν squared standard normals). */
  @Override
  public void sample(Rng rng, int n, double[] out) {
    int dfInt = (int) nu;
    if (dfInt != nu) {
      throw new UnsupportedOperationException(name() + ": sampling needs integer degrees of "
          + "freedom, got " + nu);
    }
    DenseKernels dense = kernels().dense();
    int d = dim;
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      int k = MixtureSampling.chooseComponent(rng, weights);
      rng.fillGaussian(z, 0, d);
      dense.solveLowerTransposed(whitening, k * d * d, d, z, 0);
      double chi2 = 0.0;
      for (int t = 0; t < dfInt; t++) {
        double g = rng.nextGaussian();
        chi2 += g * g;
      }
      double scale = Math.sqrt(nu / chi2);
      for (int a = 0; a < d; a++) {
        out[i * d + a] = means[k * d + a] + scale * z[a];
      }
    }
  }

  /**
   * {@code log Γ(x)} for {@code x > 0}. Exact sums of logarithms when {@code 2x} is an integer below
   * 20000 ({@code Γ(n) = (n−1)!}, {@code Γ(m+½) = √π Π_{i<m}(i+½)}), which covers every case of the
   * paper (ν = 2); otherwise the Lanczos approximation (g = 7, 9 coefficients, relative error below
   * 1e-15).
   */
  static double lgamma(double x) {
    if (!(x > 0.0)) {
      throw new IllegalArgumentException("lgamma needs a positive argument, got " + x);
    }
    double twice = 2.0 * x;
    if (twice == Math.rint(twice) && twice < 20000) {
      int t = (int) twice;
      double s = 0.0;
      if (t % 2 == 0) {
        for (int i = 2; i < t / 2; i++) {
          s += Math.log(i);
        }
        return s;
      }
      s = 0.5 * Math.log(Math.PI);
      for (int i = 0; i < t / 2; i++) {
        s += Math.log(i + 0.5);
      }
      return s;
    }
    if (x < 0.5) {
      return lgamma(x + 1.0) - Math.log(x);
    }
    double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    double xm = x - 1.0;
    double a = c[0];
    double t = xm + 7.5;
    for (int i = 1; i < 9; i++) {
      a += c[i] / (xm + i);
    }
    return 0.5 * Math.log(2.0 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
