package org.gmmvi.problems.logreg;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.core.target.Target;

/**
 * Full-data Bayesian logistic regression (PROBLEMS.md §4.1): with {@code s_n = x_nᵀw},
 *
 * <pre>
 *   log p̃(w) = Σ_n ℓ_n(w) + log N(w; 0, 10² I),   ℓ_n = log σ(−s_n) (y_n = 1), log σ(s_n) (y_n = 0)
 *   ∇ log p̃(w) = Σ_n (1 − y_n − σ(s_n)) x_n − w/100
 * </pre>
 *
 * Batched: for a chunk of {@code m} samples {@code W} ({@code m × D}) the logits are one product
 * {@code S = W Xᵀ} ({@code m × N}, with {@code Xᵀ} stored once, {@code D × N}) and the gradients
 * one product {@code G = C X} with {@code C_in = 1 − y_n − σ(S_in)}; both through the kernel
 * backend's GEMM on contiguous rows. Pure function of {@code w}: thread-safe.
 */
public final class LogisticRegressionTarget implements Target {

  private static final int CHUNK = 64;

  private final String name;
  private final LogisticRegressionData data;
  private final double[] xT;
  /** Backend of the evaluations (the optimizer's once it calls {@link #useKernels}). */
  private volatile Kernels kernels = KernelProvider.get();

  /** A target on all rows of {@code data}. */
  public LogisticRegressionTarget(String name, LogisticRegressionData data) {
    this.name = name;
    this.data = data;
    int n = data.numRows();
    int d = data.dim();
    xT = new double[d * n];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        xT[j * n + r] = data.x()[r * d + j];
      }
    }
  }

  /** The data the likelihood runs over. */
  public LogisticRegressionData data() {
    return data;
  }

  @Override
  public int dimension() {
    return data.dim();
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

  /** Evaluations use {@code kernels} from now on (the optimizer's backend). */
  @Override
  public void useKernels(Kernels kernels) {
    this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
  }

  @Override
  public void evaluate(double[] w, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, w, n, logDensity, gradient);
    DenseKernels dense = kernels.dense();
    int d = data.dim();
    int rows = data.numRows();
    double[] y = data.y();
    double[] s = new double[Math.min(CHUNK, Math.max(n, 1)) * rows];
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      dense.gemm(false, false, m, rows, d, 1.0, w, start * d, xT, 0, 0.0, s, 0);
      for (int i = 0; i < m; i++) {
        double ll = 0.0;
        int sr = i * rows;
        for (int r = 0; r < rows; r++) {
          // one exp and one log per entry: e = exp(−|s|) serves ℓ and σ(s); log1p01 instead of
          // Math.log1p, a pure-Java fdlibm port that took 11 % of a breast_cancer iteration
          double v = s[sr + r];
          double e = Math.exp(-Math.abs(v));
          double t = y[r] == 1.0 ? -v : v;
          ll += Math.min(t, 0.0) - LogisticRegressionMath.log1p01(e);
          if (gradient != null) {
            double sigma = v >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            s[sr + r] = 1.0 - y[r] - sigma;
          }
        }
        logDensity[start + i] = ll + LogisticRegressionMath.logPrior(w, (start + i) * d, d);
      }
      if (gradient != null) {
        dense.gemm(false, false, m, d, rows, 1.0, s, 0, data.x(), 0, 0.0, gradient, start * d);
        for (int i = 0; i < m; i++) {
          LogisticRegressionMath.addPriorGradient(w, (start + i) * d, d, gradient,
              (start + i) * d);
        }
      }
    }
  }
}
