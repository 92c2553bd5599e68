package org.gmmvi.core.ngestimate;

import java.util.ArrayList;
import java.util.List;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.kernels.parallel.ParallelBlocks;
import org.gmmvi.core.sample.SampleBatch;

/**
 * The common preprocessing of both estimators (ALGORITHM.md §2.1): mixture and component
 * log-densities under the current model, the log-ratio {@code f_n = logP_n − log q(x_n)}, the relative
 * mapping {@code mrel_n = m_n − max(m) + K − 1}, and per component the sample set and its importance
 * weights.
 *
 * <p>Importance weights of component {@code o} (computed in log space, max-shifted):
 * <ul>
 *   <li>all samples ({@code onlyUseOwnSamples = false}): {@code lw_n = C[o][n] − logQbg_n};</li>
 *   <li>own samples ({@code onlyUseOwnSamples = true}): the samples with {@code mrel_n = o}, with
 *       {@code lw_n = 0};</li>
 *   <li>self-normalised: {@code ŵ = softmax(lw)}; standard: {@code ŵ_n = exp(lw_n)}, returned as
 *       {@code exp(lw_n − M)} together with the log-scale {@code M = max lw} so that callers never
 *       exponentiate a large {@code lw}.</li>
 * </ul>
 *
 * <p>Workspace: every buffer proportional to {@code N×D} or {@code N×K} lives in the instance (one
 * {@link ComponentWorkspace} per worker) and grows only when a larger batch arrives, so steady-state
 * iterations allocate nothing of that size. An instance is therefore not thread-safe.
 *
 * <p>Parallelism ({@link #setParallelism}, default 1): components are independent, so they can be
 * split into contiguous blocks that run on the common fork-join pool, each block with its own
 * workspace. Every component's result is computed by the same sequence of operations whatever the
 * block or thread, and written to its own slots, so results are bit-identical for every parallelism.
 * The kernels must be thread-safe (stateless) for {@code parallelism > 1}.
 *
 * @param <W> the per-worker workspace of the concrete estimator
 */
abstract class AbstractNgEstimator<W extends AbstractNgEstimator.ComponentWorkspace>
    implements NgEstimator {

  /** Per-worker buffers: the selected samples and their weights, plus estimator-specific scratch. */
  static class ComponentWorkspace {
    /** Selected sample indices of the current component. */
    int[] idx = new int[0];
    /** Weights of the selected samples (length ≥ number selected). */
    double[] w = new double[0];
    /** Log-scale of the standard importance weights ({@code ŵ_true = exp(logScale)·w}); 0 for SNIS. */
    double logScale;

    void ensure(int n) {
      idx = growInt(idx, n);
      w = grow(w, n);
    }
  }

  /** {@code only_use_own_samples}. */
  protected final boolean onlyUseOwnSamples;
  /** {@code use_self_normalized_importance_weights}. */
  protected final boolean selfNormalized;

  /** Component log-densities {@code C}, {@code N × K}. */
  protected double[] comp = new double[0];
  /** Mixture log-densities {@code log q(x_n)}, {@code N}. */
  protected double[] logq = new double[0];
  private final List<W> workspaces = new ArrayList<>();
  private int parallelism = 1;
  private int maxMapping;

  AbstractNgEstimator(boolean onlyUseOwnSamples, boolean selfNormalized) {
    this.onlyUseOwnSamples = onlyUseOwnSamples;
    this.selfNormalized = selfNormalized;
  }

  /** Whether only the component's own samples are used. */
  public boolean onlyUseOwnSamples() {
    return onlyUseOwnSamples;
  }

  /** Whether self-normalised importance weights are used. */
  public boolean selfNormalized() {
    return selfNormalized;
  }

  /**
   * Number of blocks of components estimated concurrently (1 = sequential, the default). Results do
   * not depend on it.
   */
  public void setParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
    }
    this.parallelism = threads;
  }

  /** See {@link #setParallelism}. */
  public int parallelism() {
    return parallelism;
  }

  /** A fresh per-worker workspace. */
  protected abstract W newWorkspace();

  /**
   * Estimates component {@code o} into its slots of {@code rneg} and {@code gneg} (which hold zeros
   * on entry), using only {@code ws} and read-only shared state.
   */
  protected abstract void estimateComponent(W ws, GmmModel model, SampleBatch batch, int o,
      double[] rneg, double[] gneg);

  /** Runs {@link #estimateComponent} for every component, in blocks when parallel. */
  protected void runComponents(GmmModel model, SampleBatch batch, double[] rneg, double[] gneg) {
    int k = model.numComponents();
    int blocks = Math.max(1, Math.min(parallelism, k));
    while (workspaces.size() < blocks) {
      workspaces.add(newWorkspace());
    }
    for (int b = 0; b < blocks; b++) {
      workspaces.get(b).ensure(batch.n());
    }
    ParallelBlocks.run(blocks, b -> runBlock(workspaces.get(b), model, batch,
        (int) ((long) k * b / blocks), (int) ((long) k * (b + 1) / blocks), rneg, gneg));
  }

  private void runBlock(W ws, GmmModel model, SampleBatch batch, int from, int to, double[] rneg,
      double[] gneg) {
    for (int o = from; o < to; o++) {
      estimateComponent(ws, model, batch, o, rneg, gneg);
    }
  }

  /** Validates shapes and computes {@code C} and {@code log q} for the batch under {@code model}. */
  protected void prepare(GmmModel model, SampleBatch batch) {
    int d = model.dimension();
    if (batch.d() != d) {
      throw new IllegalArgumentException("sample batch has dimension " + batch.d()
          + " but the model has dimension " + d);
    }
    int n = batch.n();
    int k = model.numComponents();
    if (batch.x().length < n * d || batch.logQbg().length < n || batch.logP().length < n
        || batch.mapping().length < n) {
      throw new IllegalArgumentException("sample batch arrays are shorter than n=" + n
          + " samples of dimension " + d);
    }
    comp = grow(comp, n * k);
    logq = grow(logq, n);
    if (n > 0) {
      model.logDensity(batch.x(), n, comp, logq);
    }
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, batch.mapping()[i]);
    }
    maxMapping = max;
  }

  /**
   * Selects the sample set of component {@code o} into {@code ws.idx} and its weights into
   * {@code ws.w} (see the class comment), setting {@code ws.logScale}.
   *
   * @return the number of selected samples {@code Nused}; 0 means "no information" (the caller then
   *     returns zero estimates for this component)
   */
  protected int selectAndWeigh(ComponentWorkspace ws, int o, int k, SampleBatch batch) {
    int n = batch.n();
    int used = 0;
    int[] idx = ws.idx;
    double[] w = ws.w;
    ws.logScale = 0.0;
    if (onlyUseOwnSamples) {
      int[] m = batch.mapping();
      for (int i = 0; i < n; i++) {
        if (m[i] - maxMapping + k - 1 == o) {
          idx[used] = i;
          w[used] = 0.0; // lw = 0: the background is replaced by the component's own density
          used++;
        }
      }
    } else {
      double[] lqbg = batch.logQbg();
      for (int i = 0; i < n; i++) {
        idx[i] = i;
        w[i] = comp[i * k + o] - lqbg[i];
      }
      used = n;
    }
    if (used == 0) {
      return 0;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < used; i++) {
      max = Math.max(max, w[i]);
    }
    if (!(max > Double.NEGATIVE_INFINITY) || max == Double.POSITIVE_INFINITY) {
      // every weight underflows (or is undefined): no usable information for this component
      return 0;
    }
    double sum = 0.0;
    for (int i = 0; i < used; i++) {
      double e = Math.exp(w[i] - max);
      w[i] = e;
      sum += e;
    }
    if (selfNormalized) {
      double inv = 1.0 / sum;
      for (int i = 0; i < used; i++) {
        w[i] *= inv;
      }
    } else {
      ws.logScale = max;
    }
    return used;
  }

  static double[] grow(double[] a, int n) {
    return a.length >= n ? a : new double[Math.max(n, a.length + (a.length >> 1))];
  }

  static int[] growInt(int[] a, int n) {
    return a.length >= n ? a : new int[Math.max(n, a.length + (a.length >> 1))];
  }
}
