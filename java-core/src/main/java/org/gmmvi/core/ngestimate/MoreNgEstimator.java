package org.gmmvi.core.ngestimate;

import java.util.Arrays;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.kernels.DenseKernels;

/**
 * MORE estimator (codeword letter <b>Z</b>, type string {@code "MORE"}; ALGORITHM.md §2.1.2): a
 * weighted ridge regression of the log-ratio {@code f_n = log p̃(x_n) − log q(x_n)} on quadratic
 * features of the whitened samples. For component {@code o}:
 * <pre>
 *   z_n = L_o⁻¹ (x_n − μ_o)
 *   φ(z) = [ z_i z_j (i = 0..D−1, j = i..D−1, row-major upper triangle) | z_0 … z_{D−1} | 1 ]   (P = D(D+1)/2 + D + 1)
 *   (Φᵀ W Φ + λ E) θ = Φᵀ W f        W = diag(ŵ), λ = l2reg_o, E = I with 0 at the constant
 *   A = −(Qu + Quᵀ),  b = linear part,  c = constant          (f ≈ −½ zᵀA z + bᵀz + c)
 *   R = L_o⁻ᵀ A L_o⁻¹,  Rneg_o = R,  gneg_o = −L_o⁻ᵀ b,  c' = c − ½ μᵀRμ − (L_o⁻ᵀ b)ᵀ μ
 * </pre>
 * With standard importance weights {@code ŵ_n = exp(lw_n)} (not divided by {@code N}). To stay
 * finite for large {@code lw}, the system is solved with {@code exp(lw_n − M)} and {@code λ·e^{−M}}
 * ({@code M = max lw}), which has exactly the same solution. Targets are not standardised.
 *
 * <p>The system is solved by Cholesky when it is numerically positive definite, else by LU with
 * partial pivoting; a singular system gives NaN estimates for that component, which every component
 * updater rejects (raising {@code l2reg}, §2.4 common tail).
 *
 * <p><b>Diagonal covariances</b> (quirk §6 item 15): not supported, as in the reference; {@link
 * #estimate} rejects a diagonal model with an {@link IllegalArgumentException}. Gradients are never
 * read (quirk §6 item 16). {@code only_use_own_samples = true} follows §2.1 and is not cross-checked
 * against the reference, whose CPU path fails (quirk §6 item 20).
 *
 * <p>Work per component {@code O(N·P² + P³)}; workspace reused across calls; components run
 * sequentially or, with {@link #setParallelism}, in blocks with bit-identical results; not
 * thread-safe.
 *
 * <p>Papers: Abdolmaleki, Lioutikov, Peters, Lau, Reis, Neumann, "Model-Based Relative Entropy
 * Stochastic Search", NeurIPS 2015 (MORE); Arenz, Neumann, Zhong, "Efficient Gradient-Free
 * Variational Inference using Policy Search", ICML 2018 (VIPS).
 */
public final class MoreNgEstimator extends AbstractNgEstimator<MoreNgEstimator.Workspace> {

  private final double initialL2Regularizer;
  private double[] lastOffsets = new double[0];
  private double[] l2regs = new double[0];

  /** Per-worker scratch: whitened samples, features, targets, the normal equations, unpacking. */
  static final class Workspace extends ComponentWorkspace {
    final LinearSolve solver = new LinearSolve();
    double[] diff = new double[0];
    double[] z = new double[0];
    double[] phi = new double[0];
    double[] fSel = new double[0];
    double[] gram = new double[0];
    double[] theta = new double[0];
    double[] linv = new double[0];
    double[] amat = new double[0];
    double[] tmp = new double[0];

    void ensure(int n, int d) {
      int p = numFeatures(d);
      diff = grow(diff, n * d);
      z = grow(z, n * d);
      phi = grow(phi, n * p);
      fSel = grow(fSel, n);
      gram = grow(gram, p * p);
      theta = grow(theta, p);
      linv = grow(linv, d * d);
      amat = grow(amat, d * d);
      tmp = grow(tmp, d * d);
    }
  }

  /**
   * @param initialL2Regularizer {@code initial_l2_regularizer} (reference default 1e−12): the value
   *     every component's {@code l2reg} must start at; the updaters use it as the floor
   */
  public MoreNgEstimator(boolean onlyUseOwnSamples, boolean useSelfNormalizedImportanceWeights,
      double initialL2Regularizer) {
    super(onlyUseOwnSamples, useSelfNormalizedImportanceWeights);
    if (!(initialL2Regularizer >= 0) || !Double.isFinite(initialL2Regularizer)) {
      throw new IllegalArgumentException("initial_l2_regularizer must be finite and >= 0, got "
          + initialL2Regularizer);
    }
    this.initialL2Regularizer = initialL2Regularizer;
  }

  /** MORE with the reference defaults (all samples, SNIS, λ0 = 1e−12). */
  public MoreNgEstimator() {
    this(false, true, 1e-12);
  }

  /** {@code initial_l2_regularizer}. */
  public double initialL2Regularizer() {
    return initialL2Regularizer;
  }

  @Override
  public boolean needsGradients() {
    return false;
  }

  /** Number of features {@code P = D(D+1)/2 + D + 1}. */
  public static int numFeatures(int d) {
    return d * (d + 1) / 2 + d + 1;
  }

  /**
   * The fitted constants {@code c'} (x-space offsets of the quadratic model) of the last
   * {@link #estimate} call, one per component (0 for components without samples). Diagnostics.
   */
  public double[] lastOffsets() {
    return lastOffsets.clone();
  }

  @Override
  public NgEstimate estimate(GmmModel model, ComponentBookkeeping book, SampleBatch batch) {
    if (model.isDiagonal()) {
      throw new IllegalArgumentException("the MORE estimator (letter Z) supports only full"
          + " covariances, as the reference; use_diagonal_covs = true needs the Stein estimator (S)");
    }
    int k = model.numComponents();
    if (book.size() != k) {
      throw new IllegalArgumentException("bookkeeping has " + book.size()
          + " components, the model has " + k);
    }
    prepare(model, batch);
    int d = model.dimension();
    lastOffsets = new double[k];
    l2regs = new double[k];
    for (int o = 0; o < k; o++) {
      l2regs[o] = book.l2reg(o);
    }
    double[] rneg = new double[k * d * d];
    double[] gneg = new double[k * d];
    runComponents(model, batch, rneg, gneg);
    return new NgEstimate(k, d, false, rneg, gneg);
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
    int p = numFeatures(d);
    double l2reg = l2regs[o];
    int used = selectAndWeigh(ws, o, k, batch);
    if (used == 0) {
      return;
    }
    ws.ensure(used, d);
    double[] z = ws.z;
    double[] phi = ws.phi;
    double[] fSel = ws.fSel;
    double[] gram = ws.gram;
    double[] theta = ws.theta;
    double[] linv = ws.linv;
    double[] amat = ws.amat;
    double[] tmp = ws.tmp;
    double[] w = ws.w;
    int[] idx = ws.idx;
    DenseKernels dense = model.kernels().dense();
    double[] x = batch.x();
    double[] mu = model.meansArray();
    double[] chol = model.cholsArray();
    int lOff = o * d * d;
    double[] diff = ws.diff;
    for (int r = 0; r < used; r++) {
      int s = idx[r];
      fSel[r] = batch.logP()[s] - logq[s];
      for (int i = 0; i < d; i++) {
        diff[r * d + i] = x[s * d + i] - mu[o * d + i];
      }
    }
    // whitening as rows: Z = (X − μ) L⁻ᵀ
    dense.invertLower(chol, lOff, d, linv, 0);
    dense.gemm(false, true, used, d, d, 1.0, diff, 0, linv, 0, 0.0, z, 0);
    fillFeatures(z, used, d, phi);
    model.kernels().ng().weightedGram(w, phi, used, p, gram);
    model.kernels().ng().weightedTransposeTimes(w, phi, used, p, fSel, theta);
    double lambda = selfNormalized ? l2reg : l2reg * Math.exp(-ws.logScale);
    for (int j = 0; j < p - 1; j++) {
      gram[j * p + j] += lambda;
    }
    int gOff = o * d;
    int rOff = o * d * d;
    if (!ws.solver.solve(dense, gram, theta, p)) {
      Arrays.fill(rneg, rOff, rOff + d * d, Double.NaN);
      Arrays.fill(gneg, gOff, gOff + d, Double.NaN);
      lastOffsets[o] = Double.NaN;
      return;
    }
    // A = −(Qu + Quᵀ)
    int t = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double th = theta[t++];
        if (i == j) {
          amat[i * d + i] = -2.0 * th;
        } else {
          amat[i * d + j] = -th;
          amat[j * d + i] = -th;
        }
      }
    }
    // R = L⁻ᵀ A L⁻¹
    dense.gemm(false, false, d, d, d, 1.0, amat, 0, linv, 0, 0.0, tmp, 0);
    dense.gemm(true, false, d, d, d, 1.0, linv, 0, tmp, 0, 0.0, rneg, rOff);
    // gneg = −L⁻ᵀ b;  c' = c − ½ μᵀRμ − (L⁻ᵀb)ᵀμ
    int bOff = d * (d + 1) / 2;
    for (int i = 0; i < d; i++) {
      gneg[gOff + i] = theta[bOff + i];
    }
    dense.solveLowerTransposed(chol, lOff, d, gneg, gOff);
    double quad = 0.0;
    double lin = 0.0;
    for (int i = 0; i < d; i++) {
      double ri = 0.0;
      for (int j = 0; j < d; j++) {
        ri += rneg[rOff + i * d + j] * mu[o * d + j];
      }
      quad += mu[o * d + i] * ri;
      lin += gneg[gOff + i] * mu[o * d + i];
      gneg[gOff + i] = -gneg[gOff + i];
    }
    lastOffsets[o] = theta[p - 1] - 0.5 * quad - lin;
  }

  /** Row {@code r} of {@code Φ}: quadratic (upper triangle, row-major), linear, constant. */
  static void fillFeatures(double[] z, int n, int d, double[] phi) {
    int p = numFeatures(d);
    for (int r = 0; r < n; r++) {
      int row = r * p;
      int zo = r * d;
      int t = 0;
      for (int i = 0; i < d; i++) {
        double zi = z[zo + i];
        for (int j = i; j < d; j++) {
          phi[row + t++] = zi * z[zo + j];
        }
      }
      for (int i = 0; i < d; i++) {
        phi[row + t++] = z[zo + i];
      }
      phi[row + t] = 1.0;
    }
  }
}
