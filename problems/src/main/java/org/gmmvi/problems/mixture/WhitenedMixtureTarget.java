package org.gmmvi.problems.mixture;

import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.problems.SamplingTarget;

/**
 * Shared batched evaluation of an elliptical mixture {@code log p(x) = logsumexp_k [c_k + f(q_k)]}
 * whose components are described by a mean {@code μ_k} and a <em>whitening matrix</em>
 * {@code W_k} ({@code D × D}, row-major) with {@code z = (x − μ_k) W_k} (row vectors) and the
 * Mahalanobis form {@code q_k = ‖z‖² = (x−μ_k)ᵀ P_k (x−μ_k)}, {@code P_k = W_k W_kᵀ}.
 *
 * <p>The gradient is {@code ∇ log p = −Σ_k r_k(x) · s_k(q_k) · P_k (x − μ_k)} with
 * {@code r = softmax_k[c_k + f(q_k)]} and {@code s_k = −2 f'(q_k)}; as a row vector
 * {@code P_k (x−μ_k) = z W_kᵀ}. Subclasses supply {@code c_k}, {@code f} and {@code s}.
 *
 * <p>Evaluation works on chunks of at most {@value #CHUNK} rows: per component one matrix product
 * {@code Z = (X − 1μ_kᵀ) W_k} ({@code chunk × D}), and one more {@code Z' W_kᵀ} when gradients are
 * requested; both run through {@link DenseKernels#gemm} of the process-wide kernel backend with
 * non-transposed operands (contiguous rows). All per-component factors are computed once, in the
 * constructor. The target is a pure function of {@code x}: {@link #threadSafe()} is {@code true}
 * and every call allocates its own work arrays.
 */
public abstract class WhitenedMixtureTarget implements SamplingTarget {

  /** Rows per internal chunk (bounds the work memory to {@code K · CHUNK · D} doubles). */
  static final int CHUNK = 128;

  /** Dimension D. */
  protected final int dim;
  /** Number of components K. */
  protected final int numComponents;
  /** Means, {@code K × D} row-major. */
  protected final double[] means;
  /** Whitening matrices {@code W_k}, {@code K × D × D}. */
  protected final double[] whitening;
  /** Their transposes {@code W_kᵀ}, {@code K × D × D}. */
  protected final double[] whiteningT;
  private final String name;
  /** Backend of the evaluations (the optimizer's once it calls {@link #useKernels}). */
  private volatile Kernels kernels = KernelProvider.get();

  /**
   * @param name        target name for logs
   * @param dim         D
   * @param means       {@code K × D} (copied)
   * @param whitening   {@code K × D × D} whitening matrices (copied)
   */
  protected WhitenedMixtureTarget(String name, int dim, double[] means, double[] whitening) {
    if (dim <= 0 || means.length % dim != 0 || means.length == 0) {
      throw new IllegalArgumentException("means must be a non-empty K x D array with D=" + dim
          + ", got length " + means.length);
    }
    this.name = name;
    this.dim = dim;
    this.numComponents = means.length / dim;
    if (whitening.length != numComponents * dim * dim) {
      throw new IllegalArgumentException("expected " + numComponents + " whitening matrices of "
          + dim + " x " + dim + ", got length " + whitening.length);
    }
    this.means = means.clone();
    this.whitening = whitening.clone();
    this.whiteningT = new double[whitening.length];
    for (int k = 0; k < numComponents; k++) {
      int off = k * dim * dim;
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          whiteningT[off + j * dim + i] = whitening[off + i * dim + j];
        }
      }
    }
  }

  /** Log of the constant factor of component {@code k} (log weight plus normalizer). */
  protected abstract double logConstant(int k);

  /** The shape function {@code f(q)} of component {@code k}. */
  protected abstract double shape(int k, double q);

  /** {@code s(q) = −2 f'(q)}: the factor of {@code P_k (x − μ_k)} in the component's gradient. */
  protected abstract double gradientScale(int k, double q);

  @Override
  public int dimension() {
    return dim;
  }

  /** Number of components K. */
  public int numComponents() {
    return numComponents;
  }

  /** A copy of the means, {@code K × D}. */
  public double[] means() {
    return means.clone();
  }

  @Override
  public boolean threadSafe() {
    return true;
  }

  /** {@value #CHUNK}: a row's rounding depends on the rows of its chunk (one matrix product). */
  @Override
  public int rowBlock() {
    return CHUNK;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, x, n, logDensity, gradient);
    int chunk = Math.min(CHUNK, Math.max(n, 1));
    Work w = new Work(numComponents, chunk, dim, gradient != null);
    for (int start = 0; start < n; start += CHUNK) {
      int rows = Math.min(CHUNK, n - start);
      evaluateChunk(x, start, rows, logDensity, gradient, w);
    }
  }

  /** Evaluations use {@code kernels} from now on (the optimizer's backend). */
  @Override
  public void useKernels(Kernels kernels) {
    this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
  }

  /** The backend evaluations use. */
  protected Kernels kernels() {
    return kernels;
  }

  private static final class Work {
    final double[] diff;
    final double[] z;      // K × chunk × D (only the first chunk×D used without gradient)
    final double[] q;      // K × chunk
    final double[] logits; // chunk × K
    final int chunk;

    Work(int k, int chunk, int d, boolean withGradient) {
      this.chunk = chunk;
      diff = new double[chunk * d];
      z = new double[(withGradient ? k : 1) * chunk * d];
      q = new double[k * chunk];
      logits = new double[chunk * k];
    }
  }

  private void evaluateChunk(double[] x, int start, int rows, double[] out, double[] grad,
      Work w) {
    DenseKernels dense = kernels.dense();
    int d = dim;
    int kk = numComponents;
    for (int k = 0; k < kk; k++) {
      for (int i = 0; i < rows; i++) {
        int xr = (start + i) * d;
        int dr = i * d;
        int mr = k * d;
        for (int j = 0; j < d; j++) {
          w.diff[dr + j] = x[xr + j] - means[mr + j];
        }
      }
      int zOff = grad != null ? k * w.chunk * d : 0;
      dense.gemm(false, false, rows, d, d, 1.0, w.diff, 0, whitening, k * d * d, 0.0, w.z, zOff);
      double c = logConstant(k);
      for (int i = 0; i < rows; i++) {
        double s = 0.0;
        int zr = zOff + i * d;
        for (int j = 0; j < d; j++) {
          double v = w.z[zr + j];
          s += v * v;
        }
        w.q[k * w.chunk + i] = s;
        w.logits[i * kk + k] = c + shape(k, s);
      }
    }
    for (int i = 0; i < rows; i++) {
      out[start + i] = logSumExpToSoftmax(w.logits, i * kk, kk);
    }
    if (grad == null) {
      return;
    }
    int gOff = start * d;
    java.util.Arrays.fill(grad, gOff, gOff + rows * d, 0.0);
    for (int k = 0; k < kk; k++) {
      int zOff = k * w.chunk * d;
      for (int i = 0; i < rows; i++) {
        double r = w.logits[i * kk + k];
        double f = r == 0.0 ? 0.0 : -r * gradientScale(k, w.q[k * w.chunk + i]);
        int zr = zOff + i * d;
        for (int j = 0; j < d; j++) {
          w.z[zr + j] *= f;
        }
      }
      dense.gemm(false, false, rows, d, d, 1.0, w.z, zOff, whiteningT, k * d * d, 1.0, grad,
          gOff);
    }
  }

  /**
   * Replaces {@code a[off..off+len)} by its softmax and returns the log-sum-exp. If every entry is
   * {@code −∞} (or NaN), the softmax is all zeros and the result is the maximum ({@code −∞}/NaN).
   */
  static double logSumExpToSoftmax(double[] a, int off, int len) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < len; k++) {
      max = Math.max(max, a[off + k]);
    }
    if (!(max > Double.NEGATIVE_INFINITY) || Double.isInfinite(max)) {
      for (int k = 0; k < len; k++) {
        a[off + k] = 0.0;
      }
      return max;
    }
    double sum = 0.0;
    for (int k = 0; k < len; k++) {
      double e = Math.exp(a[off + k] - max);
      a[off + k] = e;
      sum += e;
    }
    for (int k = 0; k < len; k++) {
      a[off + k] /= sum;
    }
    return max + Math.log(sum);
  }
}
