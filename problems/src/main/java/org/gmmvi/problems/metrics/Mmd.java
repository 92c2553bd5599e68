package org.gmmvi.problems.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.RowKernels;

/**
 * Squared maximum mean discrepancy between ground-truth samples and model samples, exactly as the
 * reference computes it (PROBLEMS.md §5.3).
 *
 * <ul>
 *   <li>Bandwidth (median heuristic, per dimension): over the first {@code n = min(1000, N)}
 *       ground-truth rows and every pair {@code i ≤ j} (self pairs included, {@code n(n+1)/2}
 *       pairs), {@code σ_d} is the element with 0-based index
 *       {@code round_half_even((pairs − 1)·0.5)} of the sorted squared differences
 *       {@code (g_id − g_jd)²}.</li>
 *   <li>Kernel {@code k(a, b) = exp(−Σ_d (a_d − b_d)² / (α σ_d))}.</li>
 *   <li>Biased V-statistic:
 *       {@code MMD = (1/N²)ΣΣ k(g_i,g_j) + (1/M²)ΣΣ k(y_i,y_j) − (2/(NM))ΣΣ k(g_i,y_j)}, no square
 *       root. The ground-truth term is computed once, in the constructor.</li>
 * </ul>
 *
 * Implementation: all rows are pre-scaled by {@code 1/sqrt(α σ_d)} so the kernel becomes
 * {@code exp(−‖a' − b'‖²)}; the other operand of every pair sum is stored transposed
 * ({@code D × N}) so that SIMD lanes run over rows (the backend's
 * {@link RowKernels#gaussianRowSum}, Vector API with SIMD {@code exp} in the panama backend);
 * rows are processed in parallel (common fork-join
 * pool) and per-row sums are combined in a fixed order, so results do not depend on the thread
 * count. Immutable and thread-safe.
 */
public final class Mmd {

  /** Number of leading ground-truth rows used for the bandwidth. */
  public static final int BANDWIDTH_ROWS = 1000;

  private final RowKernels rows;
  private final String backend;
  private final int dim;
  private final int numGroundTruth;
  private final double alpha;
  private final double[] sigma;
  private final double[] invScale;
  private final double[] scaledGroundTruth;
  private final double[] scaledGroundTruthT;
  private final double termGroundTruth;

  /** The three terms and the statistic. */
  public record Result(double mmd, double termGroundTruth, double termModel, double termCross) {}

  /**
   * @param groundTruth {@code N × D} ground-truth samples, row-major (not modified)
   * @param n           N
   * @param dim         D
   * @param alpha       bandwidth multiplier α (20 for logistic regression, 6 for the planar robot)
   */
  public Mmd(double[] groundTruth, int n, int dim, double alpha) {
    this(groundTruth, n, dim, alpha, KernelProvider.get());
  }

  /** As {@link #Mmd(double[], int, int, double)}, with the row sums of {@code kernels}. */
  public Mmd(double[] groundTruth, int n, int dim, double alpha, Kernels kernels) {
    if (n < 1 || dim < 1 || groundTruth.length < n * dim) {
      throw new IllegalArgumentException("ground truth must be a non-empty N x D array, got N=" + n
          + ", D=" + dim + ", length " + groundTruth.length);
    }
    if (!(alpha > 0.0)) {
      throw new IllegalArgumentException("MMD alpha must be positive, got " + alpha);
    }
    this.rows = kernels.rows();
    this.backend = kernels.name();
    this.dim = dim;
    this.numGroundTruth = n;
    this.alpha = alpha;
    this.sigma = medianBandwidth(groundTruth, n, dim);
    this.invScale = new double[dim];
    for (int j = 0; j < dim; j++) {
      if (!(sigma[j] > 0.0)) {
        throw new IllegalArgumentException("MMD bandwidth of dimension " + j + " is " + sigma[j]
            + " (the leading ground-truth rows do not vary in it)");
      }
      invScale[j] = 1.0 / Math.sqrt(alpha * sigma[j]);
    }
    this.scaledGroundTruth = scale(groundTruth, n);
    this.scaledGroundTruthT = transpose(scaledGroundTruth, n, dim);
    this.termGroundTruth = symmetricKernelSum(rows, scaledGroundTruth, n, dim)
        / ((double) n * n);
  }

  /** Name of the kernel backend whose row sums this evaluator uses. */
  public String backend() {
    return backend;
  }

  /** Per-dimension bandwidths {@code σ_d} (a copy). */
  public double[] sigmaDiag() {
    return sigma.clone();
  }

  /** The constant term {@code (1/N²) ΣΣ k(g_i, g_j)}. */
  public double termGroundTruth() {
    return termGroundTruth;
  }

  /** α. */
  public double alpha() {
    return alpha;
  }

  /** D. */
  public int dimension() {
    return dim;
  }

  /** MMD of {@code m} model samples ({@code m × D}, row-major). */
  public Result compute(double[] samples, int m) {
    if (m < 1 || samples.length < m * dim) {
      throw new IllegalArgumentException("model samples must be a non-empty M x " + dim
          + " array, got M=" + m + ", length " + samples.length);
    }
    double[] y = scale(samples, m);
    double model = symmetricKernelSum(rows, y, m, dim) / ((double) m * m);
    double cross = crossKernelSum(y, m) / ((double) numGroundTruth * m);
    return new Result(termGroundTruth + model - 2.0 * cross, termGroundTruth, model, cross);
  }

  private double[] scale(double[] x, int n) {
    double[] out = new double[n * dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        out[i * dim + j] = x[i * dim + j] * invScale[j];
      }
    }
    return out;
  }

  /**
   * Median-heuristic bandwidth of §5.3 over the first {@code min(1000, N)} rows, pairs
   * {@code i ≤ j}.
   */
  public static double[] medianBandwidth(double[] g, int n, int dim) {
    int rows = Math.min(BANDWIDTH_ROWS, n);
    int pairs = rows * (rows + 1) / 2;
    int index = (int) Math.rint((pairs - 1) * 0.5);
    double[] out = new double[dim];
    IntStream.range(0, dim).parallel().forEach(d -> {
      double[] v = new double[pairs];
      int p = 0;
      for (int i = 0; i < rows; i++) {
        double gi = g[i * dim + d];
        for (int j = i; j < rows; j++) {
          double diff = gi - g[j * dim + d];
          v[p++] = diff * diff;
        }
      }
      out[d] = select(v, index);
    });
    return out;
  }

  /** The {@code k}-th smallest element (0-based) of {@code a}; reorders {@code a}. */
  static double select(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      double pivot = median3(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static double median3(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /** {@code ΣΣ_{i,j} exp(−‖x_i − x_j‖²)} over all ordered pairs of the {@code n} rows. */
  static double symmetricKernelSum(RowKernels rows, double[] x, int n, int dim) {
    double[] xT = transpose(x, n, dim);
    double[] rowSums = new double[n];
    forEachRow(n, i -> rowSums[i] = rows.gaussianRowSum(x, i * dim, xT, n, i + 1, n, dim));
    return n + 2.0 * sumInOrder(rowSums);
  }

  private double crossKernelSum(double[] y, int m) {
    double[] rowSums = new double[m];
    forEachRow(m, i -> rowSums[i] = rows.gaussianRowSum(y, i * dim, scaledGroundTruthT,
        numGroundTruth, 0, numGroundTruth, dim));
    return sumInOrder(rowSums);
  }

  /** Runs {@code task} for rows {@code 0..n−1}, in parallel (common fork-join pool). */
  private static void forEachRow(int n, java.util.function.IntConsumer task) {
    IntStream.range(0, n).parallel().forEach(task);
  }

  private static double[] transpose(double[] x, int n, int d) {
    double[] t = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        t[k * n + i] = x[i * d + k];
      }
    }
    return t;
  }

  private static double sumInOrder(double[] v) {
    double s = 0.0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  /** {@code ‖a − b‖²} of two rows. */
  static double squaredDistance(double[] a, int aOff, double[] b, int bOff, int d) {
    double s = 0.0;
    for (int j = 0; j < d; j++) {
      double t = a[aOff + j] - b[bOff + j];
      s += t * t;
    }
    return s;
  }

  @Override
  public String toString() {
    return "Mmd[N=" + numGroundTruth + ", D=" + dim + ", alpha=" + alpha + ", sigma="
        + Arrays.toString(sigma) + "]";
  }
}
