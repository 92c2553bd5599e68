package org.gmmvi.core.target;

import org.gmmvi.kernels.Kernels;

/**
 * An unnormalised target density {@code log p̃(x)} on {@code R^D}, evaluated in batches.
 *
 * <p>Layout: a batch of {@code n} samples is one row-major {@code n × D} array ({@code x[i*D + j]} is
 * coordinate {@code j} of sample {@code i}). Results are written into caller-owned arrays so that the
 * optimizer can reuse its buffers.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code logDensity[i]} receives {@code log p̃(x_i)}; it may be {@code NaN} or infinite, the
 *       optimizer's documented policy deals with such values (they never reach the model);</li>
 *   <li>{@code gradient}, when not {@code null}, receives {@code ∇ log p̃(x_i)} as an {@code n × D}
 *       row-major array; callers pass {@code null} when they need no gradient (for example the MORE
 *       estimator), and implementations must then skip the work;</li>
 *   <li>mini-batch targets must compute value and gradient of a sample from the same mini-batch in the
 *       same call.</li>
 * </ul>
 *
 * <p>Threading: the optimizer calls {@link #evaluate} from one thread at a time unless
 * {@link #threadSafe()} returns {@code true}; then it may split a batch into contiguous chunks and
 * evaluate them concurrently. Pure functions of {@code x} should return {@code true}. The chunks
 * start at multiples of {@link #rowBlock()} rows, so a target whose result for a row depends on the
 * other rows of its call only through fixed blocks of rows (say, one matrix product per 128 rows,
 * whose rounding may depend on the rows of the product) still gives every row bit-identical values
 * for every thread count.
 */
public interface Target {

  /** Dimension {@code D} of the sample space. */
  int dimension();

  /**
   * Evaluates {@code n} samples.
   *
   * @param x          samples, row-major {@code n × D} (at least {@code n*D} entries are read)
   * @param n          number of samples ({@code n ≥ 0})
   * @param logDensity output, length ≥ {@code n}: {@code log p̃(x_i)}
   * @param gradient   output, length ≥ {@code n*D}: row-major {@code ∇ log p̃(x_i)}, or {@code null}
   */
  void evaluate(double[] x, int n, double[] logDensity, double[] gradient);

  /** Whether disjoint chunks of one batch may be evaluated concurrently (pure targets: yes). */
  default boolean threadSafe() {
    return false;
  }

  /**
   * The block size {@code B ≥ 1} of a call: the values of row {@code i} may depend on the rows of
   * its block {@code [B·⌊i/B⌋, B·⌊i/B⌋ + B)} of the call (for example when the target evaluates a
   * call in chunks of {@code B} rows with one matrix product each), but on no other row. A
   * multi-threaded optimizer splits a batch only at multiples of {@code B}, so that results do not
   * depend on the number of threads. Default 1: every row is computed on its own.
   */
  default int rowBlock() {
    return 1;
  }

  /**
   * The kernel backend this target's evaluations should use from now on. The optimizer calls it
   * once while it is built, with its own backend ({@code GmmviOptimizer.builder().kernels(k)}, by
   * default the process-wide {@code KernelProvider.get()}), so that one switch governs the model
   * and the target. Targets that use no kernels ignore it (the default). Not to be called while an
   * evaluation runs.
   */
  default void useKernels(Kernels kernels) {}

  /** A short name for logs and result files. */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the arguments of {@link #evaluate} once for every target: {@code n ≥ 0},
   * {@code x.length ≥ n·D}, {@code logDensity.length ≥ n} and, when a gradient is requested,
   * {@code gradient.length ≥ n·D}, with {@code D = t.dimension()}.
   *
   * @throws IllegalArgumentException naming the target and the argument that is too short
   */
  static void checkBatch(Target t, double[] x, int n, double[] logDensity, double[] gradient) {
    int d = t.dimension();
    if (n < 0) {
      throw new IllegalArgumentException(t.name() + ": negative batch size " + n);
    }
    if (x == null || x.length < (long) n * d) {
      throw new IllegalArgumentException(t.name() + ": x must hold n*D = " + ((long) n * d)
          + " values, got " + (x == null ? "null" : x.length));
    }
    if (logDensity == null || logDensity.length < n) {
      throw new IllegalArgumentException(t.name() + ": logDensity must hold n = " + n
          + " values, got " + (logDensity == null ? "null" : logDensity.length));
    }
    if (gradient != null && gradient.length < (long) n * d) {
      throw new IllegalArgumentException(t.name() + ": gradient must hold n*D = "
          + ((long) n * d) + " values, got " + gradient.length);
    }
  }
}
