package org.gmmvi.core.componentupdate;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleUnaryOperator;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.kernels.DenseKernels;

/**
 * Trust-region component update (codeword letter <b>T</b>, type string {@code "trust-region"};
 * ALGORITHM.md §2.4.3): the largest natural-gradient step whose {@code KL(q_new(x|o) ‖ q_old(x|o))}
 * stays within {@code ε = stepsize_o}, found by the reference's bracketing search over {@code ln η}.
 *
 * <p>Candidate for a multiplier {@code η}, with {@code r = Rneg μ − gneg}:
 * <pre>
 *   Λ_η = Λ_o + Rneg/η,   ℓ_η = Λ_o μ_o + r/η,   K_η = chol(Λ_η)   (failure: KL = FMAX)
 *   μ_η = Λ_η⁻¹ ℓ_η,      Σ_η = K_η⁻ᵀ K_η⁻¹
 *   KL(η) = ½[ logdetΣ_o − logdetΣ_η − D + ‖K_η⁻¹ L_o⁻ᵀ‖²_F + ‖L_o⁻¹(μ_o − μ_η)‖² ]
 *   diagonal: KL(η) = ½[ max(0, Σ_i log(Λ_η,i/Λ_o,i) + Λ_o,i/Λ_η,i − D) + Σ_i ((μ_o,i − μ_η,i)/σ_o,i)² ]
 *             (NaN propagates through the max and counts as "too large")
 * </pre>
 * Every quirk of the reference search is reproduced (§6 items 3, 4): cold start {@code [−20, 80]},
 * warm start {@code [max(0, ln lastEta − 3), ln lastEta + 3]}, gap test in η units {@code < 0.1},
 * 10 % tolerance, at most 1000 midpoints, {@code η = max(e^lo, τ)}, {@code lastEta} stores {@code η}
 * and becomes −1 on failure. See {@link #search}.
 *
 * <p>The new factor is {@code L' = chol(Σ_η)}, with {@code Σ_η} formed from {@code K_η}; the update
 * is rejected (component unchanged, {@code lastEta = −1}) if the search does not close, if
 * {@code chol(Λ_η)} or {@code chol(Σ_η)} fails, or if the KL is not below {@code FMAX} (NaN included).
 *
 * <p>Papers: Arenz, Neumann, Zhong, "Efficient Gradient-Free Variational Inference using Policy
 * Search", ICML 2018 (VIPS); Arenz, Zhong, Neumann, "Trust-Region Variational Inference with
 * Gaussian Mixture Models", JMLR 21, 2020.
 */
public final class TrustRegionComponentUpdater extends AbstractComponentUpdater {

  /** {@code FMAX}: the largest float32, the reference's "infinite KL". */
  public static final double FMAX = 3.4028234663852886e38;
  /** Cold-start bracket in log space. */
  static final double COLD_LO = -20.0;
  static final double COLD_HI = 80.0;
  /** Half-width of the warm-start bracket in log space. */
  static final double WARM_HALF_WIDTH = 3.0;
  /** Gap test threshold in η units, and the relative tolerance on the bound. */
  static final double GAP = 0.1;
  static final double REL_TOL = 0.1;
  static final int MAX_ITERATIONS = 1000;

  private double[] lastKl = new double[0];
  private double[] lamMu = new double[0];
  private double[] rvec = new double[0];
  private double[] muEta = new double[0];
  private double[] lamEtaDiag = new double[0];

  /** @param initialL2reg floor of the ridge adaptation (see {@link AbstractComponentUpdater}) */
  public TrustRegionComponentUpdater(double initialL2reg) {
    super(initialL2reg);
  }

  /**
   * The KL of every component's final candidate in the last {@link #apply} call (NaN where the
   * search did not close). Diagnostics and tests only.
   */
  public double[] lastKl() {
    return lastKl.clone();
  }

  /** Outcome of {@link #search}: the final {@code lo} in log space and whether the bracket closed. */
  public record SearchResult(double logEta, boolean closed) {}

  /**
   * The reference's bracketing search for {@code ln η} (§2.4.3), exactly:
   * <pre>
   *   cold (lastEta &lt; 0): lo = −20, hi = 80;  warm: lo = max(0, ln lastEta − 3), hi = ln lastEta + 3
   *   mid = (lo + hi)/2; ok = false
   *   repeat ≤ 1000: gap = min(e^hi − e^mid, e^mid − e^lo); if gap &lt; 0.1 break
   *                  k = KL(e^mid); if |ε − k| &lt; 0.1ε: lo = hi = mid, break
   *                  if ε &gt; k: hi = mid, ok = true  else lo = mid      (NaN goes to the else branch)
   *                  mid = (lo + hi)/2
   *   if ok: lo = hi
   * </pre>
   *
   * @param kl    {@code η ↦ KL(η)} (linear-space argument)
   * @param trace receives every evaluated midpoint {@code ln η} in order (may be null)
   * @return the final {@code lo} and whether {@code lo == hi}
   */
  public static SearchResult search(double lastEta, double eps, DoubleUnaryOperator kl,
      DoubleConsumer trace) {
    double lo;
    double hi;
    if (lastEta < 0) {
      lo = COLD_LO;
      hi = COLD_HI;
    } else {
      double le = Math.log(lastEta);
      lo = Math.max(0.0, le - WARM_HALF_WIDTH);
      hi = le + WARM_HALF_WIDTH;
    }
    double mid = 0.5 * (lo + hi);
    boolean ok = false;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double eMid = Math.exp(mid);
      double gap = Math.min(Math.exp(hi) - eMid, eMid - Math.exp(lo));
      if (gap < GAP) {
        break;
      }
      if (trace != null) {
        trace.accept(mid);
      }
      double k = kl.applyAsDouble(eMid);
      if (Math.abs(eps - k) < REL_TOL * eps) {
        lo = mid;
        hi = mid;
        break;
      }
      if (eps > k) {
        hi = mid;
        ok = true;
      } else {
        lo = mid;
      }
      mid = 0.5 * (lo + hi);
    }
    if (ok) {
      lo = hi;
    }
    return new SearchResult(lo, lo == hi);
  }

  /**
   * {@code KL(η)} of component {@code o}'s candidate (§2.4.3), without changing anything: the
   * function the search evaluates. {@link #FMAX} if {@code Λ_η} is not positive definite.
   */
  public double klAt(GmmModel model, NgEstimate estimate, int o, double eta) {
    ensureWorkspace(model.dimension());
    ensureVectors(model.dimension());
    DenseKernels dense = model.kernels().dense();
    prepareComponent(dense, model, estimate, o);
    return model.isDiagonal() ? klDiagonal(model, estimate, o, eta)
        : klFull(dense, model, estimate, o, eta);
  }

  private void ensureVectors(int d) {
    if (lamMu.length != d) {
      lamMu = new double[d];
      rvec = new double[d];
      muEta = new double[d];
      lamEtaDiag = new double[d];
    }
  }

  @Override
  protected AbstractComponentUpdater newWorker() {
    return new TrustRegionComponentUpdater(initialL2reg());
  }

  @Override
  protected void collect(AbstractComponentUpdater w, int from, int to, int k) {
    if (lastKl.length != k) {
      lastKl = new double[k];
    }
    System.arraycopy(((TrustRegionComponentUpdater) w).lastKl, from, lastKl, from, to - from);
  }

  @Override
  protected boolean updateComponent(GmmModel model, ComponentBookkeeping book,
      NgEstimate estimate, int o, double temperature) {
    int d = model.dimension();
    if (lastKl.length != model.numComponents()) {
      lastKl = new double[model.numComponents()];
    }
    ensureVectors(d);
    lastKl[o] = Double.NaN;
    double eps = book.stepsize(o);
    boolean diag = model.isDiagonal();
    DenseKernels dense = model.kernels().dense();
    prepareComponent(dense, model, estimate, o);
    DoubleUnaryOperator kl = diag
        ? eta -> klDiagonal(model, estimate, o, eta)
        : eta -> klFull(dense, model, estimate, o, eta);
    SearchResult res = search(book.lastEta(o), eps, kl, null);
    if (!res.closed()) {
      book.setLastEta(o, -1.0);
      return false;
    }
    double eta = Math.max(Math.exp(res.logEta()), temperature);
    double k = kl.applyAsDouble(eta); // recomputes μ_η and the factor of Λ_η at the final η
    boolean ok;
    if (diag) {
      ok = k < FMAX && commitDiagonal(model, o, lamEtaDiag, muEta, v1);
    } else {
      ok = k < FMAX && commitFromPrecisionFactor(dense, model, o, muEta);
    }
    if (!ok) {
      book.setLastEta(o, -1.0);
      return false;
    }
    lastKl[o] = k;
    book.setLastEta(o, eta);
    return true;
  }

  /** Per-component constants: {@code Λ_o}, {@code L_o⁻¹}, {@code Λ_o μ_o} and {@code r}. */
  private void prepareComponent(DenseKernels dense, GmmModel model, NgEstimate est, int o) {
    int d = model.dimension();
    double[] mu = model.meansArray();
    double[] rn = est.rneg();
    double[] gn = est.gneg();
    int ro = est.rnegOffset(o);
    if (model.isDiagonal()) {
      double[] s = model.cholsArray();
      for (int i = 0; i < d; i++) {
        double li = 1.0 / (s[o * d + i] * s[o * d + i]);
        lam[i] = li;
        lamMu[i] = li * mu[o * d + i];
        rvec[i] = rn[ro + i] * mu[o * d + i] - gn[o * d + i];
      }
      return;
    }
    precision(dense, model, o, linv, lam);
    matVec(lam, 0, mu, o * d, d, lamMu);
    matVec(rn, ro, mu, o * d, d, rvec);
    for (int i = 0; i < d; i++) {
      rvec[i] -= gn[o * d + i];
    }
  }

  /**
   * Full-covariance {@code KL(η)}; leaves {@code chol(Λ_η)} in {@link #kp} and {@code μ_η} in
   * {@link #muEta}. Returns {@link #FMAX} if {@code Λ_η} is not positive definite.
   */
  private double klFull(DenseKernels dense, GmmModel model, NgEstimate est, int o, double eta) {
    int d = model.dimension();
    double[] rn = est.rneg();
    int ro = est.rnegOffset(o);
    double inv = 1.0 / eta;
    for (int i = 0; i < d * d; i++) {
      kp[i] = lam[i] + rn[ro + i] * inv;
    }
    if (!dense.cholesky(kp, 0, d)) {
      return FMAX;
    }
    for (int i = 0; i < d; i++) {
      muEta[i] = lamMu[i] + rvec[i] * inv;
    }
    dense.solveLower(kp, 0, d, muEta, 0);
    dense.solveLowerTransposed(kp, 0, d, muEta, 0);
    double logDetOld = model.logDetCovariance(o);
    double logDetNew = -dense.logDetFromCholesky(kp, 0, d);
    // tr(Λ_o Σ_η) = ‖L_o⁻¹ K_η⁻ᵀ‖²_F
    dense.invertLower(kp, 0, d, kInv, 0);
    dense.gemm(false, true, d, d, d, 1.0, linv, 0, kInv, 0, 0.0, tmp, 0);
    double tr = 0.0;
    for (int i = 0; i < d * d; i++) {
      tr += tmp[i] * tmp[i];
    }
    double[] mu = model.meansArray();
    for (int i = 0; i < d; i++) {
      v2[i] = mu[o * d + i] - muEta[i];
    }
    dense.solveLower(model.cholsArray(), o * d * d, d, v2, 0);
    double maha = 0.0;
    for (int i = 0; i < d; i++) {
      maha += v2[i] * v2[i];
    }
    return 0.5 * (logDetOld - logDetNew - d + tr + maha);
  }

  /** Diagonal {@code KL(η)}; leaves {@code Λ_η} in {@link #lamEtaDiag} and {@code μ_η} in {@link #muEta}. */
  private double klDiagonal(GmmModel model, NgEstimate est, int o, double eta) {
    int d = model.dimension();
    double[] rn = est.rneg();
    int ro = est.rnegOffset(o);
    double[] mu = model.meansArray();
    double[] s = model.cholsArray();
    double inv = 1.0 / eta;
    double logTerm = 0.0;
    double maha = 0.0;
    for (int i = 0; i < d; i++) {
      double le = lam[i] + rn[ro + i] * inv;
      lamEtaDiag[i] = le;
      muEta[i] = (lamMu[i] + rvec[i] * inv) / le;
      logTerm += Math.log(le / lam[i]) + lam[i] / le;
      double z = (mu[o * d + i] - muEta[i]) / s[o * d + i];
      maha += z * z;
    }
    double t = logTerm - d;
    double clipped = Double.isNaN(t) ? t : Math.max(0.0, t);
    return 0.5 * (clipped + maha);
  }
}
