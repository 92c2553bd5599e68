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
  default void componentLogDensities(double[] x, int n, int d, double[] means, double[] chols,
      int k, double[] out) {
    componentLogDensities(x, 0, n, d, means, chols, k, out);
  }

  /** {@code out[n*K + k] = log N(x_n; μ_k, diag(σ_k²))}, diagonal covariances ({@code stds} is {@code K × D}). */
  default void componentLogDensitiesDiag(double[] x, int n, int d, double[] means, double[] stds,
      int k, double[] out) {
    componentLogDensitiesDiag(x, 0, n, d, means, stds, k, out);
  }

  /** {@code out[n] = logsumexp_k(logw[k] + comp[n*K + k])}. */
  default void mixtureLogDensity(double[] comp, double[] logw, int n, int k, double[] out) {
    mixtureLogDensity(comp, 0, logw, n, k, out);
  }

  /** {@code out[n*K + k] = logw[k] + comp[n*K + k] − mix[n]} (log-responsibilities). */
  default void logResponsibilities(double[] comp, double[] logw, double[] mix, int n, int k,
      double[] out) {
    logResponsibilities(comp, 0, logw, mix, n, k, out);
  }

  /**
   * Mixture score for full covariances: {@code out[n*D + i] = (−Σ_k q(k|x_n) Λ_k (x_n − μ_k))_i},
   * with {@code logResp} the {@code N × K} log-responsibilities.
   */
  default void mixtureScore(double[] x, int n, int d, double[] means, double[] chols, int k,
      double[] logResp, double[] out) {
    mixtureScore(x, 0, n, d, means, chols, k, logResp, out);
  }

  /** Mixture score for diagonal covariances: {@code Λ_k = diag(1/σ_k²)}. */
  default void mixtureScoreDiag(double[] x, int n, int d, double[] means, double[] stds, int k,
      double[] logResp, double[] out) {
    mixtureScoreDiag(x, 0, n, d, means, stds, k, logResp, out);
  }

  // Row ranges: the variants below compute rows [row0, row0 + n) of a larger batch. Every
  // per-sample array (x, comp, mix, logResp, out) is indexed by the absolute row, so a caller
  // that splits a batch into ranges (the parallel decorator) passes the arrays themselves, with
  // no copies. Each row's result is the one a call starting at row0 = 0 on a copy would give.

  /** {@link #componentLogDensities} for rows {@code [row0, row0 + n)}. */
  void componentLogDensities(double[] x, int row0, int n, int d, double[] means, double[] chols,
      int k, double[] out);

  /** {@link #componentLogDensitiesDiag} for rows {@code [row0, row0 + n)}. */
  void componentLogDensitiesDiag(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] out);

  /** {@link #mixtureLogDensity} for rows {@code [row0, row0 + n)}. */
  void mixtureLogDensity(double[] comp, int row0, double[] logw, int n, int k, double[] out);

  /** {@link #logResponsibilities} for rows {@code [row0, row0 + n)}. */
  void logResponsibilities(double[] comp, int row0, double[] logw, double[] mix, int n, int k,
      double[] out);

  /** {@link #mixtureScore} for rows {@code [row0, row0 + n)}. */
  void mixtureScore(double[] x, int row0, int n, int d, double[] means, double[] chols, int k,
      double[] logResp, double[] out);

  /** {@link #mixtureScoreDiag} for rows {@code [row0, row0 + n)}. */
  void mixtureScoreDiag(double[] x, int row0, int n, int d, double[] means, double[] stds, int k,
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
