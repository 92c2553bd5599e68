package org.gmmvi.core.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gmmvi.core.sample.SampleEvaluator;
import org.gmmvi.core.target.Target;

/**
 * Evaluates new samples on the target for the optimizer, with the bad-sample policy and optional
 * multi-threading.
 *
 * <p><b>Bad-sample policy.</b> A sample whose log-density is NaN or ±∞, or whose gradient (when
 * requested) has a non-finite entry, is dropped before it reaches the database, and counted
 * ({@link #droppedLastCall()}, {@link #totalDropped()}). If every sample of a call is invalid, a
 * {@link TargetEvaluationException} names the iteration, the count and example values (see below
 * for the exception to this rule). A target that
 * throws is reported as a {@link TargetEvaluationException} naming the iteration and the cause.
 * Output entries the target did not write (detected with a NaN sentinel with a private payload) are a
 * shape error, reported the same way. If every new sample is invalid but the caller can proceed
 * (the selector reuses database samples, or the component adaptation has database candidates), the
 * iteration continues without new samples and only the counter records it: with sample reuse a
 * converged run draws a single new sample per iteration, and one invalid draw must not end it.
 *
 * <p><b>Threads.</b> When {@link Target#threadSafe()} is true and {@code threads > 1}, a batch is split
 * into contiguous chunks evaluated concurrently. Chunk boundaries are multiples of the target's
 * {@link Target#rowBlock()}, so every block of rows the target evaluates together is the same as in
 * one call over the whole batch, and the results are bit-identical to a single-threaded call (a
 * split at {@code n·c/chunks} made the GMM targets, which whiten 128 rows per matrix product, round
 * rows differently with 2 threads). The pool's threads are daemons; {@link #close()} stops them.
 *
 * <p><b>Gradients.</b> Requested only when the NG estimator needs them (Stein); with MORE the target is
 * called with a {@code null} gradient and the database stores zeros (ALGORITHM.md §6 item 16, fixed).
 */
public final class TargetEvaluator implements SampleEvaluator, AutoCloseable {

  /** "Not written" marker: a quiet NaN with a payload arithmetic never produces. */
  private static final long UNWRITTEN_BITS = 0x7ff8_0000_dead_beefL;
  private static final double UNWRITTEN = Double.longBitsToDouble(UNWRITTEN_BITS);
  private static final int MIN_CHUNK = 8;

  private final Target target;
  private final int threads;
  private final boolean gradients;
  private ExecutorService pool;
  private int iteration;
  private int droppedLastCall;
  private long totalDropped;
  private double[][] chunkX = new double[0][];
  private double[][] chunkLp = new double[0][];
  private double[][] chunkGrad = new double[0][];

  /**
   * @param target    the target
   * @param threads   evaluation threads (≥ 1)
   * @param gradients whether {@link #needsGradients()} (the estimator reads gradients)
   */
  public TargetEvaluator(Target target, int threads, boolean gradients) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.target = target;
    this.threads = threads;
    this.gradients = gradients;
  }

  /** Sets the 1-based iteration number used in error messages. */
  public void setIteration(int iteration) {
    this.iteration = iteration;
  }

  @Override
  public boolean needsGradients() {
    return gradients;
  }

  /** Samples dropped by the most recent {@link #evaluate} call. */
  public int droppedLastCall() {
    return droppedLastCall;
  }

  /** Samples dropped since construction (or since {@link #setTotalDropped}). */
  public long totalDropped() {
    return totalDropped;
  }

  /** Restores the cumulative counter (checkpoints). */
  public void setTotalDropped(long v) {
    totalDropped = v;
  }

  @Override
  public int evaluate(double[] x, int n, double[] logP, double[] grad, int[] mapping,
      boolean mayAllBeInvalid) {
    if (n == 0) {
      droppedLastCall = 0;
      return 0;
    }
    int d = target.dimension();
    Arrays.fill(logP, 0, n, UNWRITTEN);
    if (grad != null) {
      Arrays.fill(grad, 0, n * d, UNWRITTEN);
    }
    int block = rowBlock();
    int blocks = (int) (((long) n + block - 1) / block);
    int chunks = target.threadSafe() ? Math.min(Math.min(threads, n / MIN_CHUNK), blocks) : 1;
    if (chunks <= 1) {
      call(x, n, logP, grad);
    } else {
      evaluateParallel(x, n, d, logP, grad, chunks, blocks, block);
    }
    checkWritten(logP, n, grad, d);
    int valid = compact(x, n, d, logP, grad, mapping, mayAllBeInvalid);
    droppedLastCall = n - valid;
    totalDropped += n - valid;
    return valid;
  }

  private void call(double[] x, int n, double[] logP, double[] grad) {
    try {
      target.evaluate(x, n, logP, grad);
    } catch (RuntimeException e) {
      throw new TargetEvaluationException(iteration, "target '" + target.name()
          + "' threw while evaluating " + n + " samples: " + e, e);
    }
  }

  /** The target's {@link Target#rowBlock()}, checked. */
  private int rowBlock() {
    int block = target.rowBlock();
    if (block < 1) {
      throw new IllegalArgumentException("target '" + target.name() + "' declares rowBlock() = "
          + block + "; it must be >= 1");
    }
    return block;
  }

  /**
   * First row of chunk {@code c} of {@code chunks}: whole blocks of {@code block} rows are dealt out
   * evenly, so every boundary is a multiple of {@code block} (or {@code n}).
   */
  private static int chunkStart(int c, int chunks, int blocks, int block, int n) {
    return (int) Math.min(n, (long) blocks * c / chunks * block);
  }

  private void evaluateParallel(double[] x, int n, int d, double[] logP, double[] grad,
      int chunks, int blocks, int block) {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "gmmvi-target");
        t.setDaemon(true);
        return t;
      });
    }
    ensureChunks(chunks, (int) Math.min(n, (long) ((blocks + chunks - 1) / chunks) * block), d);
    List<Future<?>> futures = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = chunkStart(c, chunks, blocks, block, n);
      int to = chunkStart(c + 1, chunks, blocks, block, n);
      int m = to - from;
      double[] cx = chunkX[c];
      double[] clp = chunkLp[c];
      double[] cg = grad == null ? null : chunkGrad[c];
      System.arraycopy(x, from * d, cx, 0, m * d);
      System.arraycopy(logP, from, clp, 0, m);
      if (cg != null) {
        System.arraycopy(grad, from * d, cg, 0, m * d);
      }
      futures.add(pool.submit(() -> {
        target.evaluate(cx, m, clp, cg);
        System.arraycopy(clp, 0, logP, from, m);
        if (cg != null) {
          System.arraycopy(cg, 0, grad, from * d, m * d);
        }
      }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof Error err) {
          throw err;
        }
        throw new TargetEvaluationException(iteration, "target '" + target.name()
            + "' threw while evaluating " + n + " samples: " + c, c);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetEvaluationException(iteration, "interrupted during target evaluation", e);
      }
    }
  }

  private void ensureChunks(int chunks, int rows, int d) {
    if (chunkX.length < chunks) {
      chunkX = Arrays.copyOf(chunkX, chunks);
      chunkLp = Arrays.copyOf(chunkLp, chunks);
      chunkGrad = Arrays.copyOf(chunkGrad, chunks);
    }
    for (int c = 0; c < chunks; c++) {
      if (chunkLp[c] == null || chunkLp[c].length < rows) {
        chunkX[c] = new double[rows * d];
        chunkLp[c] = new double[rows];
        chunkGrad[c] = new double[rows * d];
      }
    }
  }

  private void checkWritten(double[] logP, int n, double[] grad, int d) {
    for (int i = 0; i < n; i++) {
      if (Double.doubleToRawLongBits(logP[i]) == UNWRITTEN_BITS) {
        throw new TargetEvaluationException(iteration, "target '" + target.name()
            + "' did not write log-density " + i + " of " + n + " (it must write n values)", null);
      }
    }
    if (grad != null) {
      for (int i = 0; i < n * d; i++) {
        if (Double.doubleToRawLongBits(grad[i]) == UNWRITTEN_BITS) {
          throw new TargetEvaluationException(iteration, "target '" + target.name()
              + "' did not write gradient entry " + (i % d) + " of sample " + (i / d) + " (it must"
              + " write an n x D = " + n + " x " + d + " row-major gradient)", null);
        }
      }
    }
  }

  /** Moves the valid rows to the front (stable); returns their number. */
  private int compact(double[] x, int n, int d, double[] logP, double[] grad, int[] mapping,
      boolean mayAllBeInvalid) {
    int valid = 0;
    int firstBad = -1;
    for (int i = 0; i < n; i++) {
      if (isValid(logP[i], grad, i, d)) {
        if (valid != i) {
          System.arraycopy(x, i * d, x, valid * d, d);
          logP[valid] = logP[i];
          if (grad != null) {
            System.arraycopy(grad, i * d, grad, valid * d, d);
          }
          if (mapping != null) {
            mapping[valid] = mapping[i];
          }
        }
        valid++;
      } else if (firstBad < 0) {
        firstBad = i;
      }
    }
    if (valid == 0 && !mayAllBeInvalid) {
      throw new TargetEvaluationException(iteration, "all " + n + " new samples are invalid "
          + "(log-density NaN or infinite, or a non-finite gradient); example: x = "
          + Arrays.toString(Arrays.copyOfRange(x, 0, Math.min(d, 6))) + (d > 6 ? "..." : "")
          + " gave log-density " + logP[0] + (grad == null ? "" : " and gradient "
          + Arrays.toString(Arrays.copyOfRange(grad, 0, Math.min(d, 6)))), null);
    }
    return valid;
  }

  private static boolean isValid(double lp, double[] grad, int i, int d) {
    if (!Double.isFinite(lp)) {
      return false;
    }
    if (grad != null) {
      for (int j = i * d; j < (i + 1) * d; j++) {
        if (!Double.isFinite(grad[j])) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
