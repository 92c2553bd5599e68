package org.gmmvi.core.ngestimate;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.NgKernels;

/**
 * Stein's-lemma estimator (codeword letter <b>S</b>, type string {@code "Stein"}; ALGORITHM.md
 * §2.1.1). For every component {@code o}, with {@code g_n = ∇log p̃(x_n) − ∇log q(x_n)} (the mixture
 * score in closed form) and {@code d_n = Λ_o (x_n − μ_o)}:
 * <pre>
 *   SNIS:      ĝ = Σ_n ŵ_n g_n,               Ĥ = Σ_n ŵ_n g_n d_nᵀ,              Ĥ ← ½(Ĥ + Ĥᵀ)
 *   standard:  ĝ = (1/Nused) Σ_n e^{lw_n} g_n, Ĥ = (1/Nused) Σ_n e^{lw_n} g_n d_nᵀ  (symmetrised, see below)
 *   diagonal:  Ĥ = Σ_n ŵ_n g_n ⊙ d_n (a D-vector), d_n = (x_n − μ_o)/σ_o²
 *   output:    Rneg_o = −Ĥ,  gneg_o = −ĝ
 * </pre>
 * Orientation: {@code Ĥ[a][b] = Σ_n ŵ_n g_n[a] d_n[b]}.
 *
 * <p><b>Quirk §6 item 12.</b> The reference does not symmetrise {@code Ĥ} with standard importance
 * weights. This class symmetrises it by default ({@code symmetrizeStandardIw = true}, the fix the
 * specification asks for); {@code false} reproduces the reference's unsymmetrised matrix (only useful
 * for parity tests: the component updaters read only the lower triangle).
 *
 * <p>Components with no usable sample (no own sample with {@code only_use_own_samples}, or all
 * importance weights underflowing) get {@code Rneg = 0, gneg = 0}, i.e. no step.
 *
 * <p>Work per component {@code O(N·D²)} through the kernels (one {@code gemm} with {@code Λ_o},
 * {@code weightedOuter}), with a fixed reduction order; components run sequentially or, with
 * {@link #setParallelism}, in blocks, with bit-identical results. Not thread-safe (reusable
 * workspace).
 *
 * <p>Papers: Lin, Khan, Schmidt, "Fast and Simple Natural-Gradient Variational Inference with
 * Mixture of Exponential-family Approximations", ICML 2019; Lin, Khan, Schmidt, "Stein's Lemma for
 * the Reparameterization Trick with Exponential Family Mixtures", arXiv 1910.13398, 2019.
 */
public final class SteinNgEstimator extends AbstractNgEstimator<SteinNgEstimator.Workspace> {

  private final boolean symmetrizeStandardIw;

  private double[] resp = new double[0];
  private double[] g = new double[0];

  /** Per-worker scratch: {@code d_n} rows, gathered {@code g_n} rows, {@code Ĥ} and {@code ĝ}. */
  static final class Workspace extends ComponentWorkspace {
    double[] diff = new double[0];
    double[] lam = new double[0];
    double[] linv = new double[0];
    double[] dBuf = new double[0];
    double[] gSel = new double[0];
    double[] hTmp = new double[0];
    double[] gTmp = new double[0];
  }

  /** Stein estimator with the specification's fix for quirk §6.12 (standard-IW Hessian symmetrised). */
  public SteinNgEstimator(boolean onlyUseOwnSamples, boolean useSelfNormalizedImportanceWeights) {
    this(onlyUseOwnSamples, useSelfNormalizedImportanceWeights, true);
  }

  /**
   * @param symmetrizeStandardIw {@code true} (default, the fix of quirk §6.12) symmetrises {@code Ĥ}
   *     also with standard importance weights; {@code false} keeps the reference's unsymmetrised one
   */
  public SteinNgEstimator(boolean onlyUseOwnSamples, boolean useSelfNormalizedImportanceWeights,
      boolean symmetrizeStandardIw) {
    super(onlyUseOwnSamples, useSelfNormalizedImportanceWeights);
    this.symmetrizeStandardIw = symmetrizeStandardIw;
  }

  /** Stein with the reference defaults (all samples, self-normalised weights). */
  public SteinNgEstimator() {
    this(false, true);
  }

  /** Whether the standard-IW Hessian is symmetrised (quirk §6.12 fixed). */
  public boolean symmetrizeStandardIw() {
    return symmetrizeStandardIw;
  }

  @Override
  public boolean needsGradients() {
    return true;
  }

  @Override
  public NgEstimate estimate(GmmModel model, ComponentBookkeeping book, SampleBatch batch) {
    prepare(model, batch);
    int n = batch.n();
    int d = model.dimension();
    int k = model.numComponents();
    boolean diag = model.isDiagonal();
    if (batch.gradLogP().length < n * d) {
      throw new IllegalArgumentException("the Stein estimator needs target gradients (n x D = "
          + n * d + " values), got " + batch.gradLogP().length);
    }
    resp = grow(resp, n * k);
    g = grow(g, n * d);
    if (n > 0) {
      // g_n = ∇log p̃(x_n) − ∇log q(x_n)
      model.logResponsibilities(comp, logq, n, resp);
      model.score(batch.x(), n, resp, g);
      double[] grad = batch.gradLogP();
      for (int i = 0; i < n * d; i++) {
        g[i] = grad[i] - g[i];
      }
    }
    int per = diag ? d : d * d;
    double[] rneg = new double[k * per];
    double[] gneg = new double[k * d];
    runComponents(model, batch, rneg, gneg);
    return new NgEstimate(k, d, diag, rneg, gneg);
  }

  @Override
  protected Workspace newWorkspace() {
    return new Workspace();
  }

  @Override
  protected void estimateComponent(Workspace ws, GmmModel model, SampleBatch batch, int o,
      double[] rneg, double[] gneg) {
    int d = model.dimension();
    int k = model.numComponents();
    boolean diag = model.isDiagonal();
    int used = selectAndWeigh(ws, o, k, batch);
    if (used == 0) {
      return; // outputs stay zero: no step for this component
    }
    ws.dBuf = grow(ws.dBuf, used * d);
    ws.hTmp = grow(ws.hTmp, d * d);
    ws.gTmp = grow(ws.gTmp, d);
    double[] dBuf = ws.dBuf;
    double[] hTmp = ws.hTmp;
    double[] gTmp = ws.gTmp;
    double[] w = ws.w;
    int[] idx = ws.idx;
    double[] x = batch.x();
    double[] mu = model.meansArray();
    double[] chol = model.cholsArray();
    ws.diff = grow(ws.diff, used * d);
    double[] diff = ws.diff;
    for (int r = 0; r < used; r++) {
      int s = idx[r];
      for (int i = 0; i < d; i++) {
        diff[r * d + i] = x[s * d + i] - mu[o * d + i];
      }
    }
    double[] gUse = g;
    if (onlyUseOwnSamples) {
      ws.gSel = grow(ws.gSel, used * d);
      for (int r = 0; r < used; r++) {
        System.arraycopy(g, idx[r] * d, ws.gSel, r * d, d);
      }
      gUse = ws.gSel;
    }
    NgKernels ng = model.kernels().ng();
    double scale = selfNormalized ? 1.0 : Math.exp(ws.logScale) / used;
    if (diag) {
      // d_n = (x_n − μ)/σ²
      for (int r = 0; r < used; r++) {
        for (int i = 0; i < d; i++) {
          double sd = chol[o * d + i];
          dBuf[r * d + i] = diff[r * d + i] / (sd * sd);
        }
      }
      ng.weightedElementwise(w, gUse, dBuf, used, d, hTmp);
      for (int i = 0; i < d; i++) {
        rneg[o * d + i] = -scale * hTmp[i];
      }
    } else {
      // d_n = Λ (x_n − μ) with Λ = L⁻ᵀ L⁻¹ formed once (O(D³)); as rows: D = (X − μ) Λ (Λ symmetric)
      DenseKernels dense = model.kernels().dense();
      ws.lam = grow(ws.lam, d * d);
      ws.linv = grow(ws.linv, d * d);
      dense.invertLower(chol, o * d * d, d, ws.linv, 0);
      dense.transposeTimesLower(ws.linv, 0, d, ws.lam, 0);
      dense.gemm(false, false, used, d, d, 1.0, diff, 0, ws.lam, 0, 0.0, dBuf, 0);
      ng.weightedOuter(w, gUse, dBuf, used, d, hTmp);
      boolean sym = selfNormalized || symmetrizeStandardIw;
      int off = o * d * d;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          double h = sym ? 0.5 * (hTmp[a * d + b] + hTmp[b * d + a]) : hTmp[a * d + b];
          rneg[off + a * d + b] = -scale * h;
        }
      }
    }
    ng.weightedSum(w, gUse, used, d, gTmp);
    for (int i = 0; i < d; i++) {
      gneg[o * d + i] = -scale * gTmp[i];
    }
  }
}
