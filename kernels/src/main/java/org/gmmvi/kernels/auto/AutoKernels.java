package org.gmmvi.kernels.auto;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.MixtureKernels;
import org.gmmvi.kernels.NgKernels;
import org.gmmvi.kernels.RowKernels;

/**
 * The "auto" backend: routes every operation, by family and size, to the backend that was fastest
 * in the JMH benchmarks ({@code benchmarks/README.md}), among the backends that loaded. Thresholds
 * are constants of {@link AutoDenseKernels}, {@link AutoMixtureKernels} and {@link AutoNgKernels};
 * {@link #describe()} lists the resulting routing for logs.
 */
public final class AutoKernels implements Kernels {

  private final AutoDenseKernels dense;
  private final AutoMixtureKernels mixture;
  private final AutoNgKernels ng;
  private final RowKernels rows;
  private final String rowsBackend;

  /**
   * @param scalar the reference backend (always present)
   * @param panama the Vector API backend, or null if it did not load
   * @param openblas the OpenBLAS backend, or null if it did not load
   */
  public AutoKernels(Kernels scalar, Kernels panama, Kernels openblas) {
    this.dense = new AutoDenseKernels(scalar, panama, openblas);
    this.mixture = new AutoMixtureKernels(scalar, panama, openblas, dense);
    this.ng = new AutoNgKernels(scalar, panama, openblas);
    Kernels rowsFrom = first(panama, scalar);
    this.rows = rowsFrom.rows();
    this.rowsBackend = rowsFrom.name();
  }

  @Override
  public String name() {
    return "auto";
  }

  /** Which backend serves which operation, e.g. for the log line of {@code KernelProvider}. */
  public String describe() {
    return "[dense: " + dense.describe() + "; mixture: " + mixture.describe() + "; ng: "
        + ng.describe() + "; rows: " + rowsBackend + "]";
  }

  @Override
  public DenseKernels dense() {
    return dense;
  }

  @Override
  public MixtureKernels mixture() {
    return mixture;
  }

  @Override
  public NgKernels ng() {
    return ng;
  }

  /** The Vector API's when it loaded (its lanes run over the rows), else the scalar reference. */
  @Override
  public RowKernels rows() {
    return rows;
  }

  /** The first non-null backend, for "best available" choices. */
  static Kernels first(Kernels... candidates) {
    for (Kernels k : candidates) {
      if (k != null) {
        return k;
      }
    }
    throw new IllegalArgumentException("no backend given");
  }
}
