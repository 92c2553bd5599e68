package org.gmmvi.core.componentupdate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.kernels.DenseKernels;

/**
 * Direct natural-gradient step (codeword letter <b>I</b>, type string {@code "direct"};
 * ALGORITHM.md §2.4.1), with {@code β = stepsize_o}:
 * <pre>
 *   Λ' = Λ_o + β·Rneg_o,   ℓ' = Λ_o μ_o + β·(Rneg_o μ_o − gneg_o)
 *   K = chol(Λ'),  μ' = K⁻ᵀK⁻¹ ℓ',  Σ' = K⁻ᵀ K⁻¹,  L' = chol(Σ')
 * </pre>
 * A failed {@code chol(Λ')} or {@code chol(Σ')}, or a non-finite {@code μ'}, rejects the update (the
 * component keeps {@code μ_o, L_o} bit-identically). The reference inverts {@code Λ'} and takes
 * {@code chol(Σ')}, detecting failure as NaN; for finite input the decisions coincide (§2.4.1).
 *
 * <p><b>Diagonal covariances (extension, quirk §6 item 15):</b> the reference does not support them.
 * This class implements the elementwise analogue {@code Λ'_i = 1/σ_i² + β Rneg_i},
 * {@code μ'_i = (μ_i/σ_i² + β(Rneg_i μ_i − gneg_i))/Λ'_i}, {@code σ'_i = 1/sqrt(Λ'_i)}, rejecting the
 * update unless every {@code σ'_i} is positive and finite. It equals the full update on a diagonal
 * model with a diagonal {@code Rneg}.
 *
 * <p>Paper: Lin, Khan, Schmidt, "Fast and Simple Natural-Gradient Variational Inference with
 * Mixture of Exponential-family Approximations", ICML 2019.
 */
public final class DirectComponentUpdater extends AbstractComponentUpdater {

  private double[] lamNew = new double[0];
  private double[] ell = new double[0];

  /** @param initialL2reg floor of the ridge adaptation (see {@link AbstractComponentUpdater}) */
  public DirectComponentUpdater(double initialL2reg) {
    super(initialL2reg);
  }

  @Override
  protected AbstractComponentUpdater newWorker() {
    return new DirectComponentUpdater(initialL2reg());
  }

  @Override
  protected boolean updateComponent(GmmModel model, ComponentBookkeeping book,
      NgEstimate estimate, int o, double temperature) {
    int d = model.dimension();
    if (ell.length != d) {
      ell = new double[d];
      lamNew = new double[d];
    }
    double beta = book.stepsize(o);
    double[] mu = model.meansArray();
    double[] rn = estimate.rneg();
    double[] gn = estimate.gneg();
    int ro = estimate.rnegOffset(o);
    if (model.isDiagonal()) {
      double[] s = model.cholsArray();
      for (int i = 0; i < d; i++) {
        double li = 1.0 / (s[o * d + i] * s[o * d + i]);
        double m = mu[o * d + i];
        lamNew[i] = li + beta * rn[ro + i];
        ell[i] = (li * m + beta * (rn[ro + i] * m - gn[o * d + i])) / lamNew[i];
      }
      return commitDiagonal(model, o, lamNew, ell, v1);
    }
    DenseKernels dense = model.kernels().dense();
    precision(dense, model, o, linv, lam);
    // ℓ' = Λ μ + β (Rneg μ − gneg)
    matVec(lam, 0, mu, o * d, d, ell);
    matVec(rn, ro, mu, o * d, d, v2);
    for (int i = 0; i < d; i++) {
      ell[i] += beta * (v2[i] - gn[o * d + i]);
    }
    for (int i = 0; i < d * d; i++) {
      kp[i] = lam[i] + beta * rn[ro + i];
    }
    if (!dense.cholesky(kp, 0, d)) {
      return false;
    }
    dense.solveLower(kp, 0, d, ell, 0);
    dense.solveLowerTransposed(kp, 0, d, ell, 0);
    return commitFromPrecisionFactor(dense, model, o, ell);
  }
}
