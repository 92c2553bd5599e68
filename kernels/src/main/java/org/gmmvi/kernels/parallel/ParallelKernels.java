package org.gmmvi.kernels.parallel;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.MixtureKernels;
import org.gmmvi.kernels.NgKernels;
import org.gmmvi.kernels.RowKernels;

/**
 * A backend whose mixture kernels run on several threads ({@link ParallelMixtureKernels}); the
 * dense, NG and rows families are the wrapped backend's (their calls are small, or are already issued
 * per component from parallel workers). Results equal the wrapped backend's bit for bit.
 */
public final class ParallelKernels implements Kernels {

  private final Kernels delegate;
  private final ParallelMixtureKernels mixture;

  private ParallelKernels(Kernels delegate, int threads) {
    this.delegate = delegate;
    this.mixture = new ParallelMixtureKernels(delegate.mixture(), threads);
  }

  /**
   * {@code kernels} with its mixture family split over {@code threads} threads; {@code kernels}
   * itself for one thread. Wrapping a parallel backend replaces its thread count.
   */
  public static Kernels of(Kernels kernels, int threads) {
    Kernels base = kernels instanceof ParallelKernels p ? p.delegate : kernels;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return threads == 1 ? base : new ParallelKernels(base, threads);
  }

  /** The wrapped backend. */
  public Kernels delegate() {
    return delegate;
  }

  /** The wrapped backend's name: threading does not change results, only speed. */
  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public DenseKernels dense() {
    return delegate.dense();
  }

  @Override
  public MixtureKernels mixture() {
    return mixture;
  }

  @Override
  public NgKernels ng() {
    return delegate.ng();
  }

  @Override
  public RowKernels rows() {
    return delegate.rows();
  }
}
