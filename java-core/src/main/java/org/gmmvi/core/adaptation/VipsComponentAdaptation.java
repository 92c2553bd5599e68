package org.gmmvi.core.adaptation;

import org.gmmvi.core.config.ComponentAdaptationConfig;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.ModuleState;
import org.gmmvi.core.model.LogMath;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.core.sample.SampleEvaluator;

/**
 * Option A, the VIPS heuristics for adding and deleting components (ALGORITHM.md §2.2.2; Arenz,
 * Neumann, Zhong, "Efficient Gradient-Free Variational Inference using Policy Search", ICML 2018).
 *
 * <pre>
 *   adapt(t):  if t > del_iters: deleteBadComponents()
 *              if t > 1 and t mod add_iters == 0 and K < max_components: addNewComponent()
 * </pre>
 *
 * Deletion compares kernel-smoothed rewards of the newest window with the window {@code del_iters}
 * earlier and deletes components that stagnate ({@code imp ≤ 0.4}) with a weight (actual or greedy)
 * that stayed below {@code min_weight_for_del_heuristic}. Addition places an isotropic component with
 * entropy {@code H_des} at the database (or prior) sample with the largest
 * {@code log p̃(x) − max(max_m log q(x_m) − th, log q(x))}; the thresholds cycle with a call counter
 * that is incremented before use (quirk §6 item 6: the first addition uses 1000, copied).
 *
 * <p>Extensions beyond the reference (which would fail or empty the model): if every component is
 * "bad", the one with the largest current weight is kept; if there is no candidate location (empty
 * database and no prior samples), no component is added.
 */
public final class VipsComponentAdaptation implements ComponentAdaptation {

  private final ComponentAdaptationConfig.Adaptive config;
  private final double[] priorMean;
  private final double[] priorVariance;
  private final double initialStepsize;
  private final double initialL2reg;
  private final double[] kernel;
  private long addCalls;

  /**
   * @param config          the A config
   * @param priorMean       mean of the prior {@code N(prior_mean, diag(initial_cov))} (length D), or
   *                        {@code null} for no prior (§1.5)
   * @param priorVariance   its variances (length D), or {@code null}
   * @param initialStepsize step size of new components
   * @param initialL2reg    ridge coefficient of new components
   */
  public VipsComponentAdaptation(ComponentAdaptationConfig.Adaptive config, double[] priorMean,
      double[] priorVariance, double initialStepsize, double initialL2reg) {
    this.config = config;
    this.priorMean = priorMean == null || priorVariance == null ? null : priorMean.clone();
    this.priorVariance = this.priorMean == null ? null : priorVariance.clone();
    this.initialStepsize = initialStepsize;
    this.initialL2reg = initialL2reg;
    this.kernel = deletionKernel(config.delIters());
  }

  /**
   * The smoothing kernel: {@code κ_j ∝ φ(j; 0, del_iters/8)} for {@code j = −fd … fd−1},
   * {@code fd = floor(del_iters/3)}, normalised to sum 1 (not symmetric; §5.5 item 17).
   */
  public static double[] deletionKernel(int delIters) {
    int fd = delIters / 3;
    if (fd < 1) {
      throw new IllegalArgumentException("del_iters must be >= 3 for the deletion kernel, got "
          + delIters);
    }
    double sd = delIters / 8.0;
    double[] k = new double[2 * fd];
    double sum = 0;
    for (int i = 0; i < k.length; i++) {
      int j = i - fd;
      k[i] = Math.exp(-0.5 * (j / sd) * (j / sd)) / (sd * Math.sqrt(2 * Math.PI));
      sum += k[i];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }

  /** The history length the deletion test needs: {@code 2·floor(del_iters/3) + del_iters}. */
  public static int requiredHistoryLength(int delIters) {
    return 2 * (delIters / 3) + delIters;
  }

  @Override
  public Result adapt(int t, GmmModel model, ComponentBookkeeping book, SampleDatabase db,
      SampleEvaluator evaluator, Rng rng) {
    int removed = 0;
    if (t > config.delIters()) {
      removed = deleteBadComponents(model, book);
    }
    if (t > 1 && t % config.addIters() == 0 && model.numComponents() < config.maxComponents()) {
      Result add = addNewComponent(model, book, db, evaluator, rng);
      return new Result(add.added(), removed, add.priorEvaluations());
    }
    return new Result(0, removed, 0);
  }

  // ---------------------------------------------------------------- deletion

  /** Deletes the bad components in descending index order; returns how many. */
  int deleteBadComponents(GmmModel model, ComponentBookkeeping book) {
    boolean[] bad = badComponents(book, model.numComponents(), config.delIters(),
        config.minWeightForDel(), kernel);
    int k = model.numComponents();
    int numBad = 0;
    for (boolean b : bad) {
      numBad += b ? 1 : 0;
    }
    if (numBad == k) {
      int keep = 0;
      for (int o = 1; o < k; o++) {
        if (model.logWeight(o) > model.logWeight(keep)) {
          keep = o;
        }
      }
      bad[keep] = false;
      numBad--;
    }
    for (int o = k - 1; o >= 0; o--) {
      if (bad[o]) {
        model.removeComponent(o);
        book.removeComponent(o);
      }
    }
    return numBad;
  }

  /**
   * The deletion test of §2.2.2 on the histories ({@code RH}, {@code WH}: {@code K × Lh}).
   * <pre>
   *   cur_o = (1/n) Σ_j RH[o][Lh−n+j]·κ_j,   old_o = (1/n) Σ_j RH[o][Lh−n−del+j]·κ_j
   *   M = max cur;  imp_o = ((cur_o − M) − (old_o − M)) / |old_o − M|
   *   maxW_o = max( max_{c∈[Lh−n−del, Lh−2]} WH[o][c],  max_{c∈[Lh−n−del, Lh−1]} softmax_o'(RH[·][c])_o )
   *   bad_o = imp_o ≤ 0.4 ∧ maxW_o < minWeight ∧ RH[o][Lh−del] ≠ SENT
   * </pre>
   */
  public static boolean[] badComponents(ComponentBookkeeping book, int k, int delIters,
      double minWeight, double[] kernel) {
    int lh = book.historyLength();
    int first = firstColumn(lh, kernel.length, delIters);
    double[] imp = improvements(book, k, delIters, kernel);
    double[] maxW = new double[k];
    for (int o = 0; o < k; o++) {
      double m = Double.NEGATIVE_INFINITY;
      for (int c = first; c <= lh - 2; c++) {
        m = Math.max(m, book.weightHistory(o, c));
      }
      maxW[o] = m;
    }
    double[] col = new double[k];
    for (int c = first; c <= lh - 1; c++) {
      for (int o = 0; o < k; o++) {
        col[o] = book.reward(o, c);
      }
      LogMath.softmax(col, 0, k, col, 0);
      for (int o = 0; o < k; o++) {
        maxW[o] = Math.max(maxW[o], col[o]);
      }
    }
    boolean[] bad = new boolean[k];
    for (int o = 0; o < k; o++) {
      bad[o] = imp[o] <= 0.4 && maxW[o] < minWeight
          && book.reward(o, lh - delIters) != ComponentBookkeeping.SENT;
    }
    return bad;
  }

  /**
   * The relative improvements {@code imp_o = ((cur_o − M) − (old_o − M)) / |old_o − M|} of the
   * deletion test (NaN for 0/0, which counts as "not stagnating").
   */
  public static double[] improvements(ComponentBookkeeping book, int k, int delIters,
      double[] kernel) {
    int lh = book.historyLength();
    int n = kernel.length;
    int first = firstColumn(lh, n, delIters);
    double[] cur = new double[k];
    double[] old = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int o = 0; o < k; o++) {
      double c = 0;
      double p = 0;
      for (int j = 0; j < n; j++) {
        c += book.reward(o, lh - n + j) * kernel[j];
        p += book.reward(o, first + j) * kernel[j];
      }
      cur[o] = c / n;
      old[o] = p / n;
      max = Math.max(max, cur[o]);
    }
    double[] imp = new double[k];
    for (int o = 0; o < k; o++) {
      double p = old[o] - max;
      imp[o] = ((cur[o] - max) - p) / Math.abs(p);
    }
    return imp;
  }

  private static int firstColumn(int lh, int n, int delIters) {
    int first = lh - n - delIters;
    if (first < 0) {
      throw new IllegalStateException("history length " + lh + " is too short for del_iters = "
          + delIters + " (needs " + requiredHistoryLength(delIters) + ")");
    }
    return first;
  }

  // ---------------------------------------------------------------- addition

  /**
   * Adds one component (§2.2.2 addNewComponent).
   *
   * @return one or no added component (none without candidate locations) and the prior evaluations
   */
  Result addNewComponent(GmmModel model, ComponentBookkeeping book, SampleDatabase db,
      SampleEvaluator evaluator, Rng rng) {
    addCalls++;
    double[] th = config.thresholds();
    double threshold = th[(int) (addCalls % th.length)];
    int d = model.dimension();
    double[][] subset = db.randomSubset(config.numDatabaseSamples(), rng);
    double[] candX = subset[0];
    double[] candLogP = subset[1];
    int nCand = candLogP.length;
    int priorEvals = 0;
    if (config.numPriorSamples() > 0 && priorMean != null) {
      int np = config.numPriorSamples();
      double[] px = new double[np * d];
      for (int i = 0; i < np; i++) {
        for (int j = 0; j < d; j++) {
          px[i * d + j] = priorMean[j] + Math.sqrt(priorVariance[j]) * rng.nextGaussian();
        }
      }
      double[] plp = new double[np];
      int valid = evaluator.evaluate(px, np, plp, null, null, nCand > 0);
      db.countExtraEvaluations(np);
      priorEvals = np;
      double[] x2 = new double[(nCand + valid) * d];
      double[] lp2 = new double[nCand + valid];
      System.arraycopy(candX, 0, x2, 0, nCand * d);
      System.arraycopy(px, 0, x2, nCand * d, valid * d);
      System.arraycopy(candLogP, 0, lp2, 0, nCand);
      System.arraycopy(plp, 0, lp2, nCand, valid);
      candX = x2;
      candLogP = lp2;
      nCand += valid;
    }
    double a = rng.nextDouble();
    if (nCand == 0) {
      return new Result(0, 0, priorEvals);
    }
    double[] lq = model.logDensity(candX, nCand);
    double hDes = desiredEntropy(model, a);
    int best = bestCandidate(candLogP, lq, threshold);
    double c = isotropicVarianceForEntropy(hDes, d);
    double[] mean = new double[d];
    System.arraycopy(candX, best * d, mean, 0, d);
    double[] chol = new double[model.factorSize()];
    double sd = Math.sqrt(c);
    for (int i = 0; i < d; i++) {
      chol[model.isDiagonal() ? i : i * d + i] = sd;
    }
    model.addComponent(Math.log(GmmModel.NEW_COMPONENT_WEIGHT), mean, chol);
    book.addComponent(initialStepsize, initialL2reg, GmmModel.NEW_COMPONENT_WEIGHT);
    return new Result(1, 0, priorEvals);
  }

  /** {@code H_des = a·H̄(q) + (1−a)·H(prior)} with a prior, else {@code H̄(q)}. */
  double desiredEntropy(GmmModel model, double a) {
    double hBar = model.averageEntropy();
    if (priorMean == null) {
      return hBar;
    }
    int d = model.dimension();
    double h = 0.5 * d * (Math.log(2 * Math.PI) + 1);
    for (double v : priorVariance) {
      h += 0.5 * Math.log(v);
    }
    return a * hBar + (1 - a) * h;
  }

  /** First maximiser of {@code logP_n − max(max_m lq_m − th, lq_n)}. */
  static int bestCandidate(double[] logP, double[] lq, double threshold) {
    double maxLq = Double.NEGATIVE_INFINITY;
    for (double v : lq) {
      maxLq = Math.max(maxLq, v);
    }
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logP.length; i++) {
      double s = logP[i] - Math.max(maxLq - threshold, lq[i]);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** {@code c = exp(2·(H − ½D(log 2π + 1))/D)}: the variance of {@code N(·, c·I)} with entropy {@code H}. */
  public static double isotropicVarianceForEntropy(double entropy, int d) {
    return Math.exp(2 * (entropy - 0.5 * d * (Math.log(2 * Math.PI) + 1)) / d);
  }

  @Override
  public double[] saveState() {
    return new double[] {addCalls};
  }

  @Override
  public void restoreState(double[] state) {
    ModuleState.checkState(state, 1, "adaptive component adaptation");
    addCalls = (long) state[0];
  }
}
