package org.gmmvi.kernels;

/**
 * Batched log-densities of Gaussian mixtures: the hottest loop of the optimizer.
 *
 * <p>Layouts (all row-major, flat): samples {@code x} are {@code N × D}; means are {@code K × D};
 * full-covariance components are given by their lower Cholesky factors, a {@code K × D × D} stack
 * ({@code chols[k*D*D + i*D + j] = L_k[i][j]}); diagonal components by their standard deviations,
 * {@code K × D}. Per-sample-per-component results are {@code N × K} ({@code out[n*K + k]}).
 *
 * <p>Formulas (ALGORITHM.md §1.3):
 * <pre>
 *   log N(x; μ, L) = −½‖L⁻¹(x − μ)‖² − Σ_i log L_ii − ½ D log(2π)
 *   log q(x)       = logsumexp_k( logw_k + log N(x; μ_k, L_k) )
 *   log q(k|x)     = logw_k + log N(x; μ_k, L_k) − log q(x)
 *   ∇ log q(x)     = −Σ_k q(k|x) Λ_k (x − μ_k),   Λ_k = (L_k L_kᵀ)⁻¹
 * </pre>
 * Log-sum-exps are max-shifted; a row whose terms are all {@code −∞} gives {@code −∞}.
 */
public interface MixtureKernels {

  /** {@code out[n*K + k] = log N(x_n; μ_k, L_k)}, full covariances. */
  void componentLogDensities(double[] x, int n, int d, double[] means, double[] chols, int k,
      double[] out);

  /** {@code out[n*K + k] = log N(x_n; μ_k, diag(σ_k²))}, diagonal covariances ({@code stds} is {@code K × D}). */
  void componentLogDensitiesDiag(double[] x, int n, int d, double[] means, double[] stds, int k,
      double[] out);

  /** {@code out[n] = logsumexp_k(logw[k] + comp[n*K + k])}. */
  void mixtureLogDensity(double[] comp, double[] logw, int n, int k, double[] out);

  /** {@code out[n*K + k] = logw[k] + comp[n*K + k] − mix[n]} (log-responsibilities). */
  void logResponsibilities(double[] comp, double[] logw, double[] mix, int n, int k, double[] out);

  /**
   * Mixture score for full covariances: {@code out[n*D + i] = (−Σ_k q(k|x_n) Λ_k (x_n − μ_k))_i},
   * with {@code logResp} the {@code N × K} log-responsibilities.
   */
  void mixtureScore(double[] x, int n, int d, double[] means, double[] chols, int k,
      double[] logResp, double[] out);

  /** Mixture score for diagonal covariances: {@code Λ_k = diag(1/σ_k²)}. */
  void mixtureScoreDiag(double[] x, int n, int d, double[] means, double[] stds, int k,
      double[] logResp, double[] out);

  /**
   * These kernels with {@code dense} for any dense algebra they do internally (the Vector API score
   * forms precision matrices; {@code auto} hands it its size-routed dense kernels). The default
   * does no dense algebra of its own and returns {@code this}.
   */
  default MixtureKernels withDense(DenseKernels dense) {
    return this;
  }
}
