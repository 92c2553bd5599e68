package org.gmmvi.problems.wine;

import org.gmmvi.kernels.KernelProvider;

/**
 * WINE metrics (PROBLEMS.md §4.7 "Metrics", §5.5): the Bayesian test loss {@code bi_test_loss}, the
 * mean squared error of the posterior-predictive mean {@code ȳ(x) = (1/M) Σ_s f_{w_s}(x)} of
 * {@code M} parameter samples.
 *
 * <p>Batching: the split's rows are cut, in file order (as §4.7 recommends for Java), into batches of
 * 128 (the last one shorter: 979 test rows give 7 × 128 + 83); the per-batch MSE
 * {@code mean_{x∈batch} (ȳ(x) − y)²} is averaged <em>unweighted</em> over the batches. The reference also
 * logs the batch-averaged RMSE (mean over batches of the per-batch root MSE), returned alongside.
 */
public final class WineMetrics {

  /** Batch size of the test-loss evaluation. */
  public static final int BATCH_SIZE = BnnKernel.BLOCK;

  private WineMetrics() {}

  /**
   * Batch-averaged losses of the posterior-predictive mean.
   *
   * @param mse  unweighted mean over batches of the per-batch MSE ({@code bi_test_loss})
   * @param rmse unweighted mean over batches of the per-batch root MSE
   */
  public record BayesianLoss(double mse, double rmse) {}

  /**
   * Network outputs {@code out[n] = f_w(x_n)} for every row of {@code split}, with the parameters
   * {@code w[wOff .. wOff+177)}.
   */
  public static void predict(WineData.Split split, double[] w, int wOff, double[] out) {
    if (w.length < wOff + BnnLayout.DIM || out.length < split.rows()) {
      throw new IllegalArgumentException("predict needs 177 parameters from offset " + wOff
          + " (array has " + w.length + ") and an output of length " + split.rows() + " (has "
          + out.length + ")");
    }
    BnnKernel k = new BnnKernel(KernelProvider.get().rows());
    for (int start = 0; start < split.rows(); start += BATCH_SIZE) {
      int m = Math.min(BATCH_SIZE, split.rows() - start);
      k.gatherRange(split.features(), split.labels(), start, m);
      k.forward(w, wOff, m);
      for (int r = 0; r < m; r++) {
        out[start + r] = k.output(r);
      }
    }
  }

  /**
   * The Bayesian loss on {@code split} of the {@code m} parameter samples {@code samples} (row-major
   * {@code m × 177}), see the class comment.
   *
   * @throws IllegalArgumentException if {@code m < 1} or {@code samples} is too short
   */
  public static BayesianLoss bayesianLoss(WineData.Split split, double[] samples, int m) {
    if (m < 1 || samples.length < (long) m * BnnLayout.DIM) {
      throw new IllegalArgumentException("bayesianLoss needs m >= 1 samples of 177 parameters; m=" + m
          + ", samples.length=" + samples.length);
    }
    int rows = split.rows();
    double[] mean = new double[rows];
    BnnKernel k = new BnnKernel(KernelProvider.get().rows());
    for (int start = 0; start < rows; start += BATCH_SIZE) {
      int len = Math.min(BATCH_SIZE, rows - start);
      k.gatherRange(split.features(), split.labels(), start, len);
      for (int s = 0; s < m; s++) {
        k.forward(samples, s * BnnLayout.DIM, len);
        for (int r = 0; r < len; r++) {
          mean[start + r] += k.output(r);
        }
      }
    }
    double mseSum = 0;
    double rmseSum = 0;
    int batches = 0;
    for (int start = 0; start < rows; start += BATCH_SIZE) {
      int len = Math.min(BATCH_SIZE, rows - start);
      double se = 0;
      for (int r = start; r < start + len; r++) {
        double e = mean[r] / m - split.labels()[r];
        se += e * e;
      }
      double mse = se / len;
      mseSum += mse;
      rmseSum += Math.sqrt(mse);
      batches++;
    }
    return new BayesianLoss(mseSum / batches, rmseSum / batches);
  }
}
