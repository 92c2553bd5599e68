package org.gmmvi.kernels.parallel;

import java.util.concurrent.ForkJoinPool;
import org.gmmvi.kernels.AbstractMixtureKernels;
import org.gmmvi.kernels.MixtureKernels;

/**
 * Runs the mixture kernels of another backend on several threads by splitting the samples (rows
 * of {@code x}, {@code comp}, {@code logResp} and {@code out}) into contiguous ranges.
 *
 * <p><b>Same results for every thread count.</b> Every row of every mixture kernel is computed from
 * that row alone, the range boundaries are multiples of {@link #ALIGN} rows, a multiple of every
 * backend's row tile (Panama: lanes × unroll ≤ 32), and every range has at least {@link #ALIGN}
 * rows (backends switch to another code path for inputs shorter than a tile). So each row takes
 * the same code path (full tile or remainder) as in one call over all rows, and the output is
 * bit-identical to the
 * delegate's, whatever the number of threads ({@code ParallelMixtureKernelsTest} checks this for
 * every backend).
 *
 * <p>Small calls run on the calling thread: below {@link #MIN_PARALLEL_FLOPS} estimated flops
 * ({@code N·K·D²} for densities and scores, {@code 20·N·K} for log-sum-exps) the overhead of a
 * hand-off is larger than the gain. Each range is one row-range call of the delegate (the
 * {@code row0} variants of {@link MixtureKernels}) on the caller's arrays, so nothing is copied.
 * Worker threads come from the common {@link ForkJoinPool}; the calling thread computes the first
 * range.
 */
public final class ParallelMixtureKernels extends AbstractMixtureKernels {

  /** Range boundaries are multiples of this many rows. */
  public static final int ALIGN = 64;
  /** Calls with fewer estimated flops run on the calling thread. */
  public static final long MIN_PARALLEL_FLOPS = 2_000_000L;

  private final MixtureKernels delegate;
  private final int threads;
  private final double minParallelFlops;

  /**
   * @param delegate the backend that computes each row range
   * @param threads  number of row ranges to run concurrently (≥ 1; 1 calls the delegate directly)
   */
  public ParallelMixtureKernels(MixtureKernels delegate, int threads) {
    this(delegate, threads, MIN_PARALLEL_FLOPS);
  }

  /** As above, with another small-call threshold (0 splits every call with enough rows; tests). */
  ParallelMixtureKernels(MixtureKernels delegate, int threads, double minParallelFlops) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.delegate = delegate;
    this.threads = threads;
    this.minParallelFlops = minParallelFlops;
  }

  /** The wrapped backend. */
  public MixtureKernels delegate() {
    return delegate;
  }

  /** The number of threads a large call is split over. */
  public int threads() {
    return threads;
  }

  /** Computes rows {@code [from, from + rows)} of one kernel call. */
  @FunctionalInterface
  private interface RowRange {
    void run(int from, int rows);
  }

  /**
   * Splits rows {@code [row0, row0 + n)} into at most {@code threads} ranges of at least
   * {@link #ALIGN} rows, starting at {@code row0} plus multiples of {@link #ALIGN} (the last range
   * takes the remainder, so the rows that are a tile remainder in one call over all rows are the
   * same rows here, and no range is short enough for a backend's small-input path) and runs them,
   * the first on the calling thread.
   */
  private void split(int row0, int n, double flops, RowRange body) {
    int blocks = n / ALIGN;
    int parts = Math.min(threads, blocks);
    if (parts <= 1 || flops < minParallelFlops) {
      body.run(row0, n);
      return;
    }
    ParallelBlocks.run(parts, p -> {
      int from = (int) ((long) blocks * p / parts) * ALIGN;
      int to = p == parts - 1 ? n : (int) ((long) blocks * (p + 1) / parts) * ALIGN;
      body.run(row0 + from, to - from);
    });
  }

  private static double densityFlops(int n, int d, int k) {
    return (double) n * k * d * d;
  }

  @Override
  protected void componentLogDensitiesK(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    split(row0, n, densityFlops(n, d, k), (from, m) ->
        delegate.componentLogDensities(x, from, m, d, means, chols, k, out));
  }

  @Override
  protected void componentLogDensitiesDiagK(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] out) {
    split(row0, n, 3.0 * n * k * d, (from, m) ->
        delegate.componentLogDensitiesDiag(x, from, m, d, means, stds, k, out));
  }

  @Override
  protected void mixtureLogDensityK(double[] comp, int row0, double[] logw, int n, int k,
      double[] out) {
    split(row0, n, 20.0 * n * k, (from, m) ->
        delegate.mixtureLogDensity(comp, from, logw, m, k, out));
  }

  @Override
  protected void logResponsibilitiesK(double[] comp, int row0, double[] logw, double[] mix, int n,
      int k, double[] out) {
    split(row0, n, 2.0 * n * k, (from, m) ->
        delegate.logResponsibilities(comp, from, logw, mix, m, k, out));
  }

  @Override
  protected void mixtureScoreK(double[] x, int row0, int n, int d, double[] means, double[] chols,
      int k, double[] logResp, double[] out) {
    split(row0, n, densityFlops(n, d, k), (from, m) ->
        delegate.mixtureScore(x, from, m, d, means, chols, k, logResp, out));
  }

  @Override
  protected void mixtureScoreDiagK(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] logResp, double[] out) {
    split(row0, n, 3.0 * n * k * d, (from, m) ->
        delegate.mixtureScoreDiag(x, from, m, d, means, stds, k, logResp, out));
  }
}
