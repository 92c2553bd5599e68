package org.gmmvi.kernels;

/**
 * A concrete backend: its {@link Backend} name and one instance per kernel family. The scalar,
 * panama and openblas backends extend it; each family is created once and shared (the families
 * are stateless or keep per-thread workspaces).
 */
public abstract class BackendKernels implements Kernels {

  private final String name;
  private final DenseKernels dense;
  private final MixtureKernels mixture;
  private final NgKernels ng;
  private final RowKernels rows;

  /** A backend called {@code backend.id()} with the given families. */
  protected BackendKernels(Backend backend, DenseKernels dense, MixtureKernels mixture,
      NgKernels ng, RowKernels rows) {
    this.name = backend.id();
    this.dense = dense;
    this.mixture = mixture;
    this.ng = ng;
    this.rows = rows;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final DenseKernels dense() {
    return dense;
  }

  @Override
  public final MixtureKernels mixture() {
    return mixture;
  }

  @Override
  public final NgKernels ng() {
    return ng;
  }

  @Override
  public final RowKernels rows() {
    return rows;
  }
}
