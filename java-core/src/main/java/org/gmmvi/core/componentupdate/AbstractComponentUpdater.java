package org.gmmvi.core.componentupdate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.kernels.parallel.ParallelBlocks;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.kernels.DenseKernels;

/**
 * The loop and the common tail shared by the three component updaters (ALGORITHM.md §2.4): every
 * component is updated independently by {@link #updateComponent}, which returns a success flag
 * ({@code false} means the old {@code μ_o, L_o} were kept bit-identically); then
 * <pre>
 *   l2reg_o      ← success_o ? max(0.5·l2reg_o, initialL2reg) : min(1e−6, 10·l2reg_o)
 *   numUpdates_o ← numUpdates_o + 1        (for every component)
 * </pre>
 * Numerical failure (a Cholesky that is not positive definite) is never an exception; misuse
 * (mismatched shapes) is an {@link IllegalArgumentException}.
 *
 * <p>Workspace of {@code O(D²)} doubles lives in the instance and is reused; not thread-safe.
 * With {@link #setParallelism} {@code > 1}, contiguous blocks of components are updated
 * concurrently, each block by its own instance ({@link #newWorker}) on the common
 * {@link ForkJoinPool}; every component's arithmetic is the same, so the results are too.
 */
abstract class AbstractComponentUpdater implements ComponentUpdater {

  /** The cap of the raised ridge coefficient after a failure (float32 constant 1e−6). */
  static final double MAX_L2REG = 1e-6;

  private final double initialL2reg;
  private int parallelism = 1;
  private final List<AbstractComponentUpdater> workers = new ArrayList<>();

  /** {@code L⁻¹} of the current component. */
  protected double[] linv = new double[0];
  /** {@code Λ = L⁻ᵀ L⁻¹} of the current component. */
  protected double[] lam = new double[0];
  /** A new precision and, after {@code cholesky}, its factor. */
  protected double[] kp = new double[0];
  /** Inverse of {@link #kp}. */
  protected double[] kInv = new double[0];
  /** A new covariance and, after {@code cholesky}, its factor {@code L'}. */
  protected double[] sigma = new double[0];
  /** {@code D × D} scratch. */
  protected double[] tmp = new double[0];
  /** Length-{@code D} scratch vectors. */
  protected double[] v1 = new double[0];
  protected double[] v2 = new double[0];
  protected double[] v3 = new double[0];

  /**
   * @param initialL2reg {@code initial_l2reg}: the floor of the ridge coefficient after a success
   *     ({@code ng_estimator_config.initial_l2_regularizer}, else 1e−12)
   */
  AbstractComponentUpdater(double initialL2reg) {
    if (!(initialL2reg >= 0) || !Double.isFinite(initialL2reg)) {
      throw new IllegalArgumentException("initial_l2_regularizer must be finite and >= 0, got "
          + initialL2reg);
    }
    this.initialL2reg = initialL2reg;
  }

  /** The floor {@code initial_l2reg} of the ridge adaptation. */
  public double initialL2reg() {
    return initialL2reg;
  }

  @Override
  public final boolean[] apply(GmmModel model, ComponentBookkeeping book, NgEstimate estimate,
      double temperature) {
    int k = model.numComponents();
    int d = model.dimension();
    if (estimate.k() != k || estimate.d() != d || estimate.diagonal() != model.isDiagonal()) {
      throw new IllegalArgumentException("estimate (K=" + estimate.k() + ", D=" + estimate.d()
          + ", diagonal=" + estimate.diagonal() + ") does not match the model (K=" + k + ", D=" + d
          + ", diagonal=" + model.isDiagonal() + ")");
    }
    if (book.size() != k) {
      throw new IllegalArgumentException("bookkeeping has " + book.size()
          + " components, the model has " + k);
    }
    boolean[] success = new boolean[k];
    updateAll(model, book, estimate, temperature, success);
    for (int o = 0; o < k; o++) {
      double l2 = book.l2reg(o);
      book.setL2reg(o, success[o] ? Math.max(0.5 * l2, initialL2reg) : Math.min(MAX_L2REG, 10 * l2));
      book.setNumUpdates(o, book.numUpdates(o) + 1);
    }
    return success;
  }

  @Override
  public void setParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
    }
    this.parallelism = threads;
  }

  /** A fresh updater with this one's configuration and its own workspace (a parallel worker). */
  protected abstract AbstractComponentUpdater newWorker();

  /**
   * Called after worker {@code w} updated components {@code [from, to)}: copies per-component
   * diagnostics kept in the worker (default: none).
   */
  protected void collect(AbstractComponentUpdater w, int from, int to, int k) {}

  /** Runs {@link #updateComponent} for every component, in blocks when parallel. */
  private void updateAll(GmmModel model, ComponentBookkeeping book, NgEstimate estimate,
      double temperature, boolean[] success) {
    int k = model.numComponents();
    int blocks = Math.max(1, Math.min(parallelism, k));
    while (workers.size() < blocks - 1) {
      workers.add(newWorker());
    }
    ParallelBlocks.run(blocks, b -> (b == 0 ? this : workers.get(b - 1)).updateBlock(model, book,
        estimate, temperature, (int) ((long) k * b / blocks), (int) ((long) k * (b + 1) / blocks),
        success));
    for (int b = 1; b < blocks; b++) {
      collect(workers.get(b - 1), (int) ((long) k * b / blocks),
          (int) ((long) k * (b + 1) / blocks), k);
    }
  }

  private void updateBlock(GmmModel model, ComponentBookkeeping book, NgEstimate estimate,
      double temperature, int from, int to, boolean[] success) {
    ensureWorkspace(model.dimension());
    for (int o = from; o < to; o++) {
      success[o] = updateComponent(model, book, estimate, o, temperature);
    }
  }

  /**
   * Updates component {@code o} in place (model and, for the trust region, {@code lastEta}).
   *
   * @return {@code false} if the update was rejected; the component is then unchanged
   */
  protected abstract boolean updateComponent(GmmModel model, ComponentBookkeeping book,
      NgEstimate estimate, int o, double temperature);

  /** Sizes the {@code D × D} workspace (no-op if already sized for {@code d}). */
  protected void ensureWorkspace(int d) {
    if (lam.length == d * d) {
      return;
    }
    linv = new double[d * d];
    lam = new double[d * d];
    kp = new double[d * d];
    kInv = new double[d * d];
    sigma = new double[d * d];
    tmp = new double[d * d];
    v1 = new double[d];
    v2 = new double[d];
    v3 = new double[d];
  }

  /** Fills {@link #linv} {@code = L_o⁻¹} and {@link #lam} {@code = Λ_o = L_o⁻ᵀ L_o⁻¹} (full model). */
  protected static void precision(DenseKernels dense, GmmModel model, int o, double[] linvOut,
      double[] lamOut) {
    int d = model.dimension();
    dense.invertLower(model.cholsArray(), o * d * d, d, linvOut, 0);
    dense.transposeTimesLower(linvOut, 0, d, lamOut, 0);
  }

  /** {@code out = A x} for a row-major {@code D × D} matrix at {@code aOff}. */
  protected static void matVec(double[] a, int aOff, double[] x, int xOff, int d, double[] out) {
    for (int i = 0; i < d; i++) {
      double s = 0.0;
      int r = aOff + i * d;
      for (int j = 0; j < d; j++) {
        s += a[r + j] * x[xOff + j];
      }
      out[i] = s;
    }
  }

  /**
   * Given the Cholesky factor {@code K} of a new precision in {@link #kp} and a new mean
   * {@code mean}, forms {@code Σ' = K⁻ᵀ K⁻¹}, factors it ({@code L' = chol(Σ')}, §4: "check that it
   * is positive definite") and, if that succeeds and everything is finite, writes the component.
   *
   * @return whether the component was written
   */
  protected boolean commitFromPrecisionFactor(DenseKernels dense, GmmModel model, int o,
      double[] mean) {
    int d = model.dimension();
    dense.invertLower(kp, 0, d, kInv, 0);
    dense.transposeTimesLower(kInv, 0, d, sigma, 0);
    if (!dense.cholesky(sigma, 0, d)) {
      return false;
    }
    return commitIfFinite(model, o, mean);
  }

  /**
   * Given a new precision {@code Λ'} in {@link #kp} (lower triangle read) and a new mean, writes
   * the component {@code L' = chol(Λ'⁻¹)} without forming {@code Σ'}: with the order-reversing
   * permutation {@code P} and {@code M = chol(P Λ' P)} (lower), {@code Λ' = (P M P)(P M P)ᵀ} with
   * {@code P M P} upper triangular, so {@code Σ' = (P M⁻ᵀ P)(P M⁻ᵀ P)ᵀ} and
   * <pre>
   *   L'[i][j] = M⁻¹[D−1−j][D−1−i]   (i ≥ j; lower triangular with positive diagonal 1/M_ii)
   * </pre>
   * One Cholesky and one triangular inverse ({@code 2D³/3} FLOP) instead of the four
   * {@code D³/3}-class steps of {@link #commitFromPrecisionFactor}. Uses {@link #sigma} and
   * {@link #kInv} as workspace.
   *
   * @return whether the component was written ({@code false}: {@code Λ'} not positive definite,
   *     or a non-finite result)
   */
  protected boolean commitFromPrecision(DenseKernels dense, GmmModel model, int o,
      double[] mean) {
    int d = model.dimension();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double v = kp[(d - 1 - j) * d + (d - 1 - i)];
        sigma[i * d + j] = v;
        sigma[j * d + i] = v;
      }
    }
    if (!dense.cholesky(sigma, 0, d)) {
      return false;
    }
    dense.invertLower(sigma, 0, d, kInv, 0);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        sigma[i * d + j] = j <= i ? kInv[(d - 1 - j) * d + (d - 1 - i)] : 0.0;
      }
    }
    return commitIfFinite(model, o, mean);
  }

  private boolean commitIfFinite(GmmModel model, int o, double[] mean) {
    int d = model.dimension();
    for (int i = 0; i < d; i++) {
      if (!Double.isFinite(mean[i])) {
        return false;
      }
    }
    for (int i = 0; i < d * d; i++) {
      if (!Double.isFinite(sigma[i])) {
        return false;
      }
    }
    model.setComponent(o, mean, 0, sigma, 0);
    return true;
  }

  /**
   * Writes a diagonal component from its new precision diagonal {@code lamNew} and mean, with
   * {@code σ' = 1/sqrt(Λ')}; rejects (returns {@code false}) unless every {@code σ'_i} and
   * {@code μ'_i} is finite and {@code σ'_i > 0}.
   */
  protected static boolean commitDiagonal(GmmModel model, int o, double[] lamNew, double[] mean,
      double[] stdScratch) {
    int d = model.dimension();
    for (int i = 0; i < d; i++) {
      double s = Math.sqrt(1.0 / lamNew[i]);
      if (!(s > 0) || !Double.isFinite(s) || !Double.isFinite(mean[i])) {
        return false;
      }
      stdScratch[i] = s;
    }
    model.setComponent(o, mean, 0, stdScratch, 0);
    return true;
  }
}
