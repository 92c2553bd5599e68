package org.gmmvi.problems.wine;

import java.util.stream.IntStream;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.RowKernels;

/**
 * The WINE mini-batch target (PROBLEMS.md §4.7), the one the optimizer sees:
 * {@code log p̃(w) = −N·(1/128)·Σ_{(x,y)∈B} (f_w(x) − y)² − ½‖w‖²}, {@code N} = number of training rows
 * (2,938), {@code B} a mini-batch of 128 training rows; value and gradient (back-propagation) of a sample
 * come from the same batch in the same call.
 *
 * <p>Batches (the Java scheme §4.7 allows): every {@link #evaluate} call starts a fresh stream; it
 * draws a uniformly random permutation of the training rows from {@link #random()}, hands out
 * consecutive blocks of 128 rows to samples {@code 0, 1, 2, …} of the call, and draws a new permutation
 * when fewer than 128 rows remain (the remainder is dropped). Nothing but the {@link Rng} state carries
 * over between calls, so restoring {@link #random()} reproduces the following calls exactly.
 *
 * <p>Speed: the batches are drawn sequentially, then the samples are evaluated in up to
 * {@code parallelism} contiguous chunks on the common fork-join pool; buffers are reused across calls
 * (they grow only with the largest {@code n} seen).
 */
public final class WineTarget implements RandomizedTarget {

  /** Mini-batch size of the reference. */
  public static final int BATCH_SIZE = BnnKernel.BLOCK;

  private final WineData.Split train;
  private final Rng rng;
  private final int parallelism;
  private BnnKernel[] kernels;
  private final int[] permutation;
  private int[] batchRows = new int[0];

  /**
   * A mini-batch target on {@code train}, its batches drawn from a generator seeded with {@code seed},
   * evaluated on one thread.
   */
  public WineTarget(WineData.Split train, long seed) {
    this(train, seed, 1);
  }

  /**
   * As {@link #WineTarget(WineData.Split, long)}, evaluating the samples of one call on up to
   * {@code parallelism} threads (results do not depend on it).
   *
   * @throws IllegalArgumentException if {@code parallelism < 1} or the split has fewer than 128 rows
   */
  public WineTarget(WineData.Split train, long seed, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    if (train.rows() < BATCH_SIZE) {
      throw new IllegalArgumentException("the WINE training split needs at least " + BATCH_SIZE
          + " rows for one mini-batch, got " + train.rows());
    }
    this.train = train;
    this.rng = new Rng(seed);
    this.parallelism = parallelism;
    useKernels(KernelProvider.get());
    this.permutation = new int[train.rows()];
  }

  /** Evaluations use the row kernels of {@code backend} from now on (the optimizer's backend). */
  @Override
  public void useKernels(Kernels backend) {
    RowKernels rows = backend.rows();
    BnnKernel[] k = new BnnKernel[parallelism];
    for (int c = 0; c < parallelism; c++) {
      k[c] = new BnnKernel(rows);
    }
    this.kernels = k;
  }

  @Override
  public Rng random() {
    return rng;
  }

  @Override
  public int dimension() {
    return BnnLayout.DIM;
  }

  /** The likelihood scale {@code N/128} applied to the batch's sum of squared errors. */
  public double likelihoodScale() {
    return (double) train.rows() / BATCH_SIZE;
  }

  @Override
  public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, x, n, logDensity, gradient);
    if (n == 0) {
      return;
    }
    drawBatches(n);
    int chunks = Math.min(parallelism, n);
    if (chunks == 1) {
      evaluateRange(kernels[0], x, 0, n, logDensity, gradient);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      evaluateRange(kernels[c], x, from, to, logDensity, gradient);
    });
  }

  /** Fills {@code batchRows[i*128 .. (i+1)*128)} with the batch of sample {@code i}, i < n. */
  private void drawBatches(int n) {
    if (batchRows.length < n * BATCH_SIZE) {
      batchRows = new int[Math.max(n * BATCH_SIZE, 2 * batchRows.length)];
    }
    int rows = permutation.length;
    int pos = rows;
    for (int i = 0; i < n; i++) {
      if (rows - pos < BATCH_SIZE) {
        for (int r = 0; r < rows; r++) {
          permutation[r] = r;
        }
        rng.shuffle(permutation);
        pos = 0;
      }
      System.arraycopy(permutation, pos, batchRows, i * BATCH_SIZE, BATCH_SIZE);
      pos += BATCH_SIZE;
    }
  }

  private void evaluateRange(BnnKernel k, double[] x, int from, int to, double[] logDensity,
      double[] gradient) {
    int d = BnnLayout.DIM;
    double scale = likelihoodScale();
    for (int i = from; i < to; i++) {
      int off = i * d;
      double prior = BnnKernel.priorInto(x, off, gradient, off);
      k.gather(train.features(), train.labels(), batchRows, i * BATCH_SIZE, BATCH_SIZE);
      k.forward(x, off, BATCH_SIZE);
      double sse = k.sse(BATCH_SIZE);
      if (gradient != null) {
        k.backward(x, off, BATCH_SIZE, scale, gradient, off);
      }
      logDensity[i] = prior - scale * sse;
    }
  }

  /** The batch of sample {@code i} of the last call, a copy of 128 training-row indices (for tests). */
  int[] lastBatch(int i) {
    int[] b = new int[BATCH_SIZE];
    System.arraycopy(batchRows, i * BATCH_SIZE, b, 0, BATCH_SIZE);
    return b;
  }

  @Override
  public String name() {
    return "wine";
  }
}
