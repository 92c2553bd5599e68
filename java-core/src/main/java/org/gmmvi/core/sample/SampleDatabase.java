package org.gmmvi.core.sample;

import java.util.Arrays;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.Kernels;

/**
 * The sample database of ALGORITHM.md §1.7: every evaluated sample with its target value and
 * gradient, and the Gaussian that drew it, so that later iterations can reuse samples with importance
 * weights against a "background" density.
 *
 * <p>Storage (row-major, growable): samples {@code size × D}, {@code logP} ({@code size}), gradients
 * ({@code size × D}), mapping ({@code size} ints, index into the list of sampling Gaussians), and the
 * Gaussians {@code G_j = (μ_j, L_j)} (full: {@code D × D} lower factors; diagonal: {@code D} standard
 * deviations).
 *
 * <p>Like the reference, {@link #add} appends all {@code K} Gaussians of the drawing model, so that the
 * newest batch's Gaussians have the indices {@code base + o} that the estimators' relative mapping
 * {@code m − max(m) + K − 1} assumes. Memory: the parameters of a Gaussian are only needed while a
 * sample it drew can still fall into a {@link #newest} window, so {@link #add(double[], int, GmmModel,
 * double[], double[], int[], int)} can release the parameters of Gaussians that only samples older
 * than a retain window reference (indices and mapping stay as they are; only {@code D + D²} doubles
 * per released Gaussian are freed). Without this, a run at {@code D = 300} with 20 components would
 * keep 14 MB of factors per iteration. Released Gaussians form a prefix {@code [0, base)} of the
 * numbering, because the mapping is non-decreasing in storage order.
 *
 * <p>Gradients are released the same way: only {@link #newest} reads them, so the database keeps
 * the gradients of the samples inside the retain window ({@code [gradFrom, size)}) and drops older
 * ones. Positions, {@code logP} and the mapping of every sample stay (component adaptation draws
 * candidates from the whole database). This halves the memory of long runs: a 10 M-sample
 * breast_cancer database holds 2.5 GB of positions and would hold another 2.5 GB of gradients.
 */
public final class SampleDatabase {

  private final int d;
  private final boolean diagonal;
  private final boolean keep;
  private final long maxSize;
  private final boolean storeGradients;
  private final Kernels kernels;

  private int size;
  private double[] x = new double[0];
  private double[] logP = new double[0];
  /** Gradients of samples {@code [gradFrom, size)}, sample {@code i} at offset {@code (i − gradFrom)·D}. */
  private double[] grad = new double[0];
  private int gradFrom;
  private int[] mapping = new int[0];

  private int numGaussians;
  /** Gaussians {@code [0, gBase)} are released; {@code gMeans}/{@code gChols} hold {@code [gBase, numGaussians)}. */
  private int gBase;
  private double[] gMeans = new double[0];
  private double[] gChols = new double[0];

  private long numSamplesWritten;

  /**
   * @param d              dimension
   * @param diagonal       whether Gaussians are stored as standard deviations
   * @param keep           {@code use_sample_database}: keep old samples (else every add replaces)
   * @param maxSize        {@code max_database_size}, or {@code ≤ 0} for no limit (soft limit, §1.7)
   * @param storeGradients whether gradients are stored (false for the MORE estimator: zeros are
   *                       returned)
   * @param kernels        kernel backend for background densities
   */
  public SampleDatabase(int d, boolean diagonal, boolean keep, long maxSize, boolean storeGradients,
      Kernels kernels) {
    if (d < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + d);
    }
    this.d = d;
    this.diagonal = diagonal;
    this.keep = keep;
    this.maxSize = maxSize;
    this.storeGradients = storeGradients;
    this.kernels = kernels;
  }

  /** Number of stored samples. */
  public int size() {
    return size;
  }

  /** Total number of samples ever added (the target-evaluation count), plus {@link #countExtraEvaluations}. */
  public long numSamplesWritten() {
    return numSamplesWritten;
  }

  /** Counts target evaluations that are not stored (component adaptation's prior samples). */
  public void countExtraEvaluations(long n) {
    numSamplesWritten += n;
  }

  /** Number of stored sampling Gaussians. */
  public int numGaussians() {
    return numGaussians;
  }

  /** Dimension. */
  public int dimension() {
    return d;
  }

  /**
   * Adds {@code n} new samples drawn by the components of {@code model} ({@code mapNew[i]} = drawing
   * component of sample {@code i}), with their target values and gradients ({@code grad} may be
   * null). Thins first if the soft size limit would be exceeded (§1.7 step 1). Keeps every
   * Gaussian's parameters.
   */
  public void add(double[] xNew, int n, GmmModel model, double[] logPNew, double[] gradNew,
      int[] mapNew) {
    add(xNew, n, model, logPNew, gradNew, mapNew, Integer.MAX_VALUE);
  }

  /**
   * As {@link #add(double[], int, GmmModel, double[], double[], int[])}, then releases the
   * parameters of every Gaussian that none of the newest {@code retainWindow} samples references.
   * A later {@link #newest} window must not reach further back than those samples (a window that
   * does throws {@link IllegalStateException}); thinning halves positions, so callers pass twice the
   * largest window they will request before the next add.
   */
  public void add(double[] xNew, int n, GmmModel model, double[] logPNew, double[] gradNew,
      int[] mapNew, int retainWindow) {
    if (model.dimension() != d || model.isDiagonal() != diagonal) {
      throw new IllegalArgumentException("model (D=" + model.dimension() + ", diagonal="
          + model.isDiagonal() + ") does not match the database (D=" + d + ", diagonal="
          + diagonal + ")");
    }
    int k = model.numComponents();
    for (int i = 0; i < n; i++) {
      if (mapNew[i] < 0 || mapNew[i] >= k) {
        throw new IllegalArgumentException("mapping entry " + i + " = " + mapNew[i]
            + " is not a component index in [0, " + k + ")");
      }
    }
    if (maxSize > 0 && (long) n + size > maxSize) {
      thin();
    }
    numSamplesWritten += n;
    if (!keep) {
      size = 0;
      numGaussians = 0;
      gBase = 0;
      gradFrom = 0;
    }
    int per = diagonal ? d : d * d;
    int first = numGaussians;
    ensureGaussianCapacity(numGaussians - gBase + k);
    System.arraycopy(model.meansArray(), 0, gMeans, (numGaussians - gBase) * d, k * d);
    System.arraycopy(model.cholsArray(), 0, gChols, (numGaussians - gBase) * per, k * per);
    numGaussians += k;
    ensureSampleCapacity((long) size + n, n);
    System.arraycopy(xNew, 0, x, size * d, n * d);
    System.arraycopy(logPNew, 0, logP, size, n);
    if (storeGradients) {
      if (gradNew == null) {
        throw new IllegalArgumentException("this database stores gradients, but none were given");
      }
      ensureGradientCapacity(size - gradFrom + n);
      System.arraycopy(gradNew, 0, grad, (size - gradFrom) * d, n * d);
    }
    for (int i = 0; i < n; i++) {
      mapping[size + i] = first + mapNew[i];
    }
    size += n;
    if (retainWindow < size) {
      int oldest = size - Math.max(retainWindow, 1);
      release(mapping[oldest]);
      releaseGradients(oldest);
    }
  }

  /** Drops the gradients of samples {@code [gradFrom, from)}; compacts an oversized array. */
  private void releaseGradients(int from) {
    if (!storeGradients || from <= gradFrom) {
      return;
    }
    int held = (size - from) * d;
    double[] dst = grad.length > 4L * held + 4L * d ? new double[2 * held] : grad;
    System.arraycopy(grad, (from - gradFrom) * d, dst, 0, held);
    grad = dst;
    gradFrom = from;
  }

  /** Number of samples the position arrays can hold before they grow (for memory tests). */
  int sampleCapacity() {
    return mapping.length;
  }

  /** Index of the oldest sample whose gradient is still held ({@link #size()} if none is). */
  public int firstSampleWithGradient() {
    return storeGradients ? gradFrom : size;
  }

  /** Releases the parameters of Gaussians {@code [gBase, newBase)}. */
  private void release(int newBase) {
    if (newBase <= gBase) {
      return;
    }
    int per = diagonal ? d : d * d;
    int drop = newBase - gBase;
    int keepCount = numGaussians - newBase;
    System.arraycopy(gMeans, drop * d, gMeans, 0, keepCount * d);
    System.arraycopy(gChols, drop * per, gChols, 0, keepCount * per);
    gBase = newBase;
  }

  /**
   * The largest window {@link #newest} can serve: the number of newest samples whose Gaussians all
   * still hold their parameters and whose gradients are held ({@link #size()} when nothing was
   * released).
   */
  public int reachableSize() {
    int floor = storeGradients ? gradFrom : 0;
    int i = size;
    while (i > floor && mapping[i - 1] >= gBase) {
      i--;
    }
    return size - i;
  }

  /** Index of the oldest Gaussian whose parameters are still held (all below are released). */
  public int firstRetainedGaussian() {
    return gBase;
  }

  /**
   * Keeps the samples at storage positions 0, 2, 4, … (the oldest first), drops every Gaussian that
   * no kept sample references, and renumbers the rest in order of first occurrence (§1.7 step 1).
   */
  void thin() {
    int per = diagonal ? d : d * d;
    int kept = 0;
    int[] newIndex = new int[numGaussians];
    Arrays.fill(newIndex, -1);
    double[] newMeans = new double[gMeans.length];
    double[] newChols = new double[gChols.length];
    int newNumGaussians = 0;
    int newBase = 0;
    for (int i = 0; i < size; i += 2) {
      int g = mapping[i];
      if (newIndex[g] < 0) {
        newIndex[g] = newNumGaussians;
        if (g < gBase) {
          newBase = newNumGaussians + 1; // released ones stay a prefix: the mapping is non-decreasing
        } else {
          int slot = newNumGaussians - newBase;
          System.arraycopy(gMeans, (g - gBase) * d, newMeans, slot * d, d);
          System.arraycopy(gChols, (g - gBase) * per, newChols, slot * per, per);
        }
        newNumGaussians++;
      }
      System.arraycopy(x, i * d, x, kept * d, d);
      logP[kept] = logP[i];
      if (storeGradients && i >= gradFrom) {
        // kept ≥ ceil(gradFrom / 2), and the target offset never passes the source offset
        System.arraycopy(grad, (i - gradFrom) * d, grad, (kept - (gradFrom + 1) / 2) * d, d);
      }
      mapping[kept] = newIndex[g];
      kept++;
    }
    size = kept;
    gradFrom = (gradFrom + 1) / 2;
    gMeans = newMeans;
    gChols = newChols;
    numGaussians = newNumGaussians;
    gBase = newBase;
  }

  /**
   * The newest {@code min(n, size)} samples in storage order, with their background log-density
   * {@code log q_bg(x) = logsumexp_{j∈J}(log α_j + log N(x; μ_j, L_j))}, where {@code J} are the
   * Gaussians that drew a sample of the window and {@code α_j} their share of the window (§1.7).
   */
  public SampleBatch newest(int n) {
    if (size == 0 || n <= 0) {
      return SampleBatch.empty(d);
    }
    int m = Math.min(n, size);
    int start = size - m;
    double[] xs = Arrays.copyOfRange(x, start * d, size * d);
    int[] map = Arrays.copyOfRange(mapping, start, size);
    double[] lp = Arrays.copyOfRange(logP, start, size);
    if (storeGradients && start < gradFrom) {
      throw new IllegalStateException("a window of " + m + " samples reaches sample " + start
          + ", whose gradient was released (the oldest held is " + gradFrom
          + "): the retain window passed to add() was too small");
    }
    double[] gr = storeGradients
        ? Arrays.copyOfRange(grad, (start - gradFrom) * d, (size - gradFrom) * d)
        : new double[m * d];
    return new SampleBatch(m, d, xs, map, backgroundLogDensity(xs, map, m), lp, gr);
  }

  private double[] backgroundLogDensity(double[] xs, int[] map, int m) {
    // Distinct Gaussians of the window, in order of first occurrence, with their counts.
    if (map[0] < gBase) {
      throw new IllegalStateException("a window of " + m + " samples reaches Gaussian " + map[0]
          + ", whose parameters were released (the oldest retained is " + gBase
          + "): the retain window passed to add() was too small");
    }
    int[] local = new int[numGaussians];
    Arrays.fill(local, -1);
    int[] ids = new int[Math.min(m, numGaussians)];
    int[] counts = new int[ids.length];
    int j = 0;
    for (int i = 0; i < m; i++) {
      int g = map[i];
      if (local[g] < 0) {
        local[g] = j;
        ids[j++] = g;
      }
      counts[local[g]]++;
    }
    int per = diagonal ? d : d * d;
    double[] means = new double[j * d];
    double[] chols = new double[j * per];
    double[] logAlpha = new double[j];
    for (int t = 0; t < j; t++) {
      System.arraycopy(gMeans, (ids[t] - gBase) * d, means, t * d, d);
      System.arraycopy(gChols, (ids[t] - gBase) * per, chols, t * per, per);
      logAlpha[t] = Math.log(counts[t] / (double) m);
    }
    double[] comp = new double[m * j];
    if (diagonal) {
      kernels.mixture().componentLogDensitiesDiag(xs, m, d, means, chols, j, comp);
    } else {
      kernels.mixture().componentLogDensities(xs, m, d, means, chols, j, comp);
    }
    double[] out = new double[m];
    kernels.mixture().mixtureLogDensity(comp, logAlpha, m, j, out);
    return out;
  }

  /**
   * A uniformly random subset of {@code min(n, size)} stored samples (the first entries of a random
   * permutation), as {@code [x (m × D), logP (m)]}.
   */
  public double[][] randomSubset(int n, Rng rng) {
    int m = Math.min(Math.max(n, 0), size);
    int[] perm = rng.permutation(size);
    double[] xs = new double[m * d];
    double[] lp = new double[m];
    for (int i = 0; i < m; i++) {
      System.arraycopy(x, perm[i] * d, xs, i * d, d);
      lp[i] = logP[perm[i]];
    }
    return new double[][] {xs, lp};
  }

  /**
   * Grows positions, {@code logP} and mapping to hold {@code needed} samples: doubling, but never
   * beyond {@code 9/8·max_database_size + n} (a full database thins before it grows past its soft
   * limit, so doubling a 9 M-sample database to 18 M would only waste several GB).
   */
  private void ensureSampleCapacity(long needed, int n) {
    if (needed * d > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("sample database would exceed the maximal Java array size: "
          + needed + " samples of dimension " + d + "; set max_database_size lower");
    }
    int cap = mapping.length;
    if (needed <= cap) {
      return;
    }
    long grown = Math.min((long) cap * 2, (Integer.MAX_VALUE - 16L) / d);
    if (maxSize > 0) {
      grown = Math.min(grown, maxSize + maxSize / 8 + n);
    }
    int c = (int) Math.max(needed, grown);
    x = Arrays.copyOf(x, c * d);
    logP = Arrays.copyOf(logP, c);
    mapping = Arrays.copyOf(mapping, c);
  }

  /** Grows the gradient array to hold {@code needed} samples (doubling). */
  private void ensureGradientCapacity(long needed) {
    if (needed * d > grad.length) {
      long c = Math.min(Math.max(needed, 2L * grad.length / d), (Integer.MAX_VALUE - 16L) / d);
      grad = Arrays.copyOf(grad, (int) (c * d));
    }
  }

  /** Grows the parameter arrays to hold {@code needed} retained Gaussians. */
  private void ensureGaussianCapacity(int needed) {
    int per = diagonal ? d : d * d;
    int cap = gMeans.length / d;
    if (needed <= cap) {
      return;
    }
    int c = Math.max(needed, cap * 2);
    gMeans = Arrays.copyOf(gMeans, c * d);
    gChols = Arrays.copyOf(gChols, c * per);
  }

  // ---------------------------------------------------------------- state (checkpoints)

  /** A snapshot of the complete content, for checkpoints. */
  public Snapshot snapshot() {
    int per = diagonal ? d : d * d;
    int held = numGaussians - gBase;
    return new Snapshot(size, Arrays.copyOf(x, size * d), Arrays.copyOf(logP, size),
        storeGradients ? Arrays.copyOf(grad, (size - gradFrom) * d) : new double[0],
        Arrays.copyOf(mapping, size), numGaussians, gBase, Arrays.copyOf(gMeans, held * d),
        Arrays.copyOf(gChols, held * per), numSamplesWritten);
  }

  /** Restores a {@link #snapshot()} (of a database with the same dimension and layout). */
  public void restore(Snapshot s) {
    int per = diagonal ? d : d * d;
    int held = s.numGaussians() - s.firstRetainedGaussian();
    if (s.x().length != s.size() * d || held < 0 || s.gaussianChols().length != held * per
        || s.gaussianMeans().length != held * d || s.grad().length % d != 0
        || s.grad().length > s.x().length) {
      throw new IllegalArgumentException("database snapshot does not match dimension " + d
          + " (diagonal=" + diagonal + ")");
    }
    size = s.size();
    x = s.x().clone();
    logP = s.logP().clone();
    grad = storeGradients ? s.grad().clone() : new double[0];
    gradFrom = storeGradients ? size - grad.length / d : 0;
    mapping = s.mapping().clone();
    numGaussians = s.numGaussians();
    gBase = s.firstRetainedGaussian();
    gMeans = s.gaussianMeans().clone();
    gChols = s.gaussianChols().clone();
    numSamplesWritten = s.numSamplesWritten();
  }

  /**
   * The complete content of a database: Gaussians {@code [firstRetainedGaussian, numGaussians)}
   * with their parameters ({@code gaussianMeans}, {@code gaussianChols}); older ones are released.
   * {@code grad} holds the gradients of the newest {@code grad.length / D} samples (empty when the
   * database stores none).
   */
  public record Snapshot(int size, double[] x, double[] logP, double[] grad, int[] mapping,
      int numGaussians, int firstRetainedGaussian, double[] gaussianMeans, double[] gaussianChols,
      long numSamplesWritten) {}
}
