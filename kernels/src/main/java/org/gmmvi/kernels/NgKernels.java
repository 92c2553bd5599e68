package org.gmmvi.kernels;

/**
 * Weighted sums over samples that the natural-gradient estimators need (ALGORITHM.md §2.1): the
 * Stein estimator's {@code Σ wₙ gₙ} and {@code Σ wₙ gₙ dₙᵀ}, the MORE estimator's weighted normal
 * equations {@code Φᵀ W Φ} and {@code Φᵀ W f}.
 *
 * <p>Layouts: per-sample vectors are the rows of row-major {@code N × D} (or {@code N × P}) arrays;
 * the weights {@code w} have length {@code N}; outputs are overwritten (not accumulated). The
 * reduction order over samples is fixed per backend, so results are deterministic.
 */
public interface NgKernels {

  /** {@code out[i] = Σ_n w[n]·g[n*D + i]} (length {@code D}). */
  void weightedSum(double[] w, double[] g, int n, int d, double[] out);

  /** {@code out[a*D + b] = Σ_n w[n]·g[n*D + a]·h[n*D + b]} ({@code D × D}, not symmetrised). */
  void weightedOuter(double[] w, double[] g, double[] h, int n, int d, double[] out);

  /** {@code out[i] = Σ_n w[n]·g[n*D + i]·h[n*D + i]} (the diagonal of {@link #weightedOuter}). */
  void weightedElementwise(double[] w, double[] g, double[] h, int n, int d, double[] out);

  /** {@code out = Φᵀ diag(w) Φ} ({@code P × P}, full symmetric) for a row-major {@code N × P} {@code Φ}. */
  void weightedGram(double[] w, double[] phi, int n, int p, double[] out);

  /** {@code out[j] = Σ_n w[n]·Φ[n*P + j]·f[n]} (length {@code P}). */
  void weightedTransposeTimes(double[] w, double[] phi, int n, int p, double[] f, double[] out);
}
