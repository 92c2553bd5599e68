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
 *   K = chol(Λ'),  Σ' = K⁻ᵀ K⁻¹,  L' = chol(Σ')
 *   diagonal: Λ'_i = 1/σ_i² + β(Rneg_i + (β/2) Rneg_i² σ_i²),  μ' = μ − β σ² ⊙ gneg,  σ' = sqrt(1/Λ')
 * </pre>
 * A failed Cholesky (or, diagonal, a non-positive / non-finite {@code σ'_i}) rejects the update
 * including its mean step. For a symmetric {@code Rneg}, {@code Λ'} is always positive definite
 * ({@code Λ + βR + ½β²RΣR = ½(Λ + βR)Σ(Λ + βR) + ½Λ}), so failures come only from non-finite input
 * (for example the NaN estimate of a singular MORE system).
 *
 * <p>Paper: Lin, Schmidt, Khan, "Handling the Positive-Definite Constraint in the Bayesian
 * Learning Rule", ICML 2020 (iBLR).
 */
public final class IblrComponentUpdater extends AbstractComponentUpdater {

  private double[] sig = new double[0];
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
      sig = new double[d * d];
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
    precision(dense, model, o, linv, lam);
    dense.lowerTimesTranspose(model.cholsArray(), o * d * d, d, sig, 0);
    // tmp = Rneg Σ;  kp = Λ + β Rneg + (β²/2) (Rneg Σ) Rneg
    dense.gemm(false, false, d, d, d, 1.0, rn, ro, sig, 0, 0.0, tmp, 0);
    for (int i = 0; i < d * d; i++) {
      kp[i] = lam[i] + beta * rn[ro + i];
    }
    dense.gemm(false, false, d, d, d, 0.5 * beta * beta, tmp, 0, rn, ro, 1.0, kp, 0);
    if (meanStep) {
      matVec(sig, 0, gn, o * d, d, v2);
      for (int i = 0; i < d; i++) {
        muNew[i] = mu[o * d + i] - beta * v2[i];
      }
    } else {
      System.arraycopy(mu, o * d, muNew, 0, d);
    }
    if (!dense.cholesky(kp, 0, d)) {
      return false;
    }
    return commitFromPrecisionFactor(dense, model, o, muNew);
  }
}
