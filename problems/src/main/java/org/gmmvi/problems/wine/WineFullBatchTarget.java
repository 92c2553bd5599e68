package org.gmmvi.problems.wine;

import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.RowKernels;

/**
 * Full-batch WINE log-density (PROBLEMS.md §4.7, "Full-batch variant"):
 * {@code log p̃_full(w) = −Σ_{n=1}^{N} (f_w(x_n) − y_n)² − ½‖w‖²} over all {@code N} training rows
 * (2,938), with the gradient by back-propagation. Equals {@code N/128} times the mini-batch mean the
 * reference uses, taken over the whole training split; it is the expectation of {@link WineTarget}.
 *
 * <p>Used for tests and for the full-batch ELBO; a pure function of {@code w}, so thread-safe (each
 * thread gets its own workspace).
 */
public final class WineFullBatchTarget implements Target {

  private final WineData.Split train;
  private volatile ThreadLocal<BnnKernel> kernels = perThread(KernelProvider.get());

  /** The full-batch target on {@code train}. */
  public WineFullBatchTarget(WineData.Split train) {
    this.train = train;
  }

  /** Evaluations use the row kernels of {@code backend} from now on (the optimizer's backend). */
  @Override
  public void useKernels(Kernels backend) {
    kernels = perThread(backend);
  }

  private static ThreadLocal<BnnKernel> perThread(Kernels backend) {
    RowKernels rows = backend.rows();
    return ThreadLocal.withInitial(() -> new BnnKernel(rows));
  }

  @Override
  public int dimension() {
    return BnnLayout.DIM;
  }

  @Override
  public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, x, n, logDensity, gradient);
    BnnKernel k = kernels.get();
    int d = BnnLayout.DIM;
    int rows = train.rows();
    for (int i = 0; i < n; i++) {
      int off = i * d;
      double value = BnnKernel.priorInto(x, off, gradient, off);
      double sse = 0;
      for (int start = 0; start < rows; start += BnnKernel.BLOCK) {
        int m = Math.min(BnnKernel.BLOCK, rows - start);
        k.gatherRange(train.features(), train.labels(), start, m);
        k.forward(x, off, m);
        sse += k.sse(m);
        if (gradient != null) {
          k.backward(x, off, m, 1.0, gradient, off);
        }
      }
      logDensity[i] = value - sse;
    }
  }

  @Override
  public boolean threadSafe() {
    return true;
  }

  @Override
  public String name() {
    return "wine-fullbatch";
  }
}
