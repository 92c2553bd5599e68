package org.gmmvi.core.componentupdate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.kernels.DenseKernels;

/**
 * Improved Bayesian learning rule (codeword letter <b>Y</b>, type string {@code "iBLR"};
 * ALGORITHM.md §2.4.2), with {@code β = stepsize_o} and the OLD covariance {@code Σ_o = L_o L_oᵀ}:
 * <pre>
 *   Λ' = Λ_o + β·( Rneg_o + (β/2)·Rneg_o Σ_o Rneg_o )
 *   μ' = (numUpdates_o == 0) ? μ_o : μ_o − β·Σ_o gneg_o        (quirk §6 item 7, copied)
 *   L' = chol(Λ'⁻¹)   (one Cholesky and one triangular inverse, see commitFromPrecision)
 *   diagonal: Λ'_i = 1/σ_i² + β(Rneg_i + (β/2) Rneg_i² σ_i²),  μ' = μ − β σ² ⊙ gneg,  σ' = sqrt(1/Λ')
 * </pre>
 * A failed Cholesky (or, diagonal, a non-positive / non-finite {@code σ'_i}) rejects the update
 * including its mean step. For a symmetric {@code Rneg}, {@code Λ'} is always positive definite
 * ({@code Λ + βR + ½β²RΣR = ½(Λ + βR)Σ(Λ + βR) + ½Λ}), so failures come only from non-finite input
 * (for example the NaN estimate of a singular MORE system).
 *
 * <p>Arithmetic (issue 14; docs/PERFORMANCE.md "iBLR update"): {@code Rneg Σ_o Rneg} is formed as
 * {@code (Rneg L_o)(Rneg L_o)ᵀ} (gemm + syrk), {@code Σ_o gneg} as {@code L_o(L_oᵀ gneg)}, and
 * {@code L'} by {@link AbstractComponentUpdater#commitFromPrecision} without forming {@code Σ'};
 * about {@code 5·D³} FLOP per component instead of {@code 8.3·D³}. The rounding differs from the
 * reference's {@code chol(inv(Λ'))}; the residual tests in {@code IblrArithmeticAccuracyTest}
 * show it is at least as accurate.
 *
 * <p>Paper: Lin, Schmidt, Khan, "Handling the Positive-Definite Constraint in the Bayesian
 * Learning Rule", ICML 2020 (iBLR).
 */
public final class IblrComponentUpdater extends AbstractComponentUpdater {

  private double[] lamNew = new double[0];
  private double[] muNew = new double[0];

  /** @param initialL2reg floor of the ridge adaptation (see {@link AbstractComponentUpdater}) */
  public IblrComponentUpdater(double initialL2reg) {
    super(initialL2reg);
  }

  @Override
  protected AbstractComponentUpdater newWorker() {
    return new IblrComponentUpdater(initialL2reg());
  }

  @Override
  protected boolean updateComponent(GmmModel model, ComponentBookkeeping book,
      NgEstimate estimate, int o, double temperature) {
    int d = model.dimension();
    if (muNew.length != d) {
      muNew = new double[d];
      lamNew = new double[d];
    }
    double beta = book.stepsize(o);
    boolean meanStep = book.numUpdates(o) != 0.0;
    double[] mu = model.meansArray();
    double[] rn = estimate.rneg();
    double[] gn = estimate.gneg();
    int ro = estimate.rnegOffset(o);
    if (model.isDiagonal()) {
      double[] s = model.cholsArray();
      for (int i = 0; i < d; i++) {
        double var = s[o * d + i] * s[o * d + i];
        double r = rn[ro + i];
        lamNew[i] = 1.0 / var + beta * (r + 0.5 * beta * r * var * r);
        muNew[i] = meanStep ? mu[o * d + i] - beta * var * gn[o * d + i] : mu[o * d + i];
      }
      return commitDiagonal(model, o, lamNew, muNew, v1);
    }
    DenseKernels dense = model.kernels().dense();
    double[] chol = model.cholsArray();
    int lo = o * d * d;
    precision(dense, model, o, linv, lam);
    // tmp = Rneg L_o, so Rneg Σ_o Rneg = (Rneg L_o)(Rneg L_o)ᵀ: one gemm and one syrk instead of
    // forming Σ_o and two gemms; kp = Λ_o + β Rneg + (β²/2) tmp tmpᵀ
    dense.gemm(false, false, d, d, d, 1.0, rn, ro, chol, lo, 0.0, tmp, 0);
    for (int i = 0; i < d * d; i++) {
      kp[i] = lam[i] + beta * rn[ro + i];
    }
    dense.syrk(false, d, d, 0.5 * beta * beta, tmp, 0, 1.0, kp, 0);
    if (meanStep) {
      // Σ_o gneg = L_o (L_oᵀ gneg), two triangular mat-vecs
      lowerTransposeTimes(chol, lo, gn, o * d, d, v1);
      lowerTimes(chol, lo, v1, d, v2);
      for (int i = 0; i < d; i++) {
        muNew[i] = mu[o * d + i] - beta * v2[i];
      }
    } else {
      System.arraycopy(mu, o * d, muNew, 0, d);
    }
    return commitFromPrecision(dense, model, o, muNew);
  }

  /** {@code out = Lᵀ x} for the lower-triangular row-major {@code L} at {@code lOff}. */
  static void lowerTransposeTimes(double[] l, int lOff, double[] x, int xOff, int d,
      double[] out) {
    for (int j = 0; j < d; j++) {
      double s = 0.0;
      for (int i = j; i < d; i++) {
        s += l[lOff + i * d + j] * x[xOff + i];
      }
      out[j] = s;
    }
  }

  /** {@code out = L x} for the lower-triangular row-major {@code L} at {@code lOff}. */
  static void lowerTimes(double[] l, int lOff, double[] x, int d, double[] out) {
    for (int i = 0; i < d; i++) {
      double s = 0.0;
      int r = lOff + i * d;
      for (int j = 0; j <= i; j++) {
        s += l[r + j] * x[j];
      }
      out[i] = s;
    }
  }
}
