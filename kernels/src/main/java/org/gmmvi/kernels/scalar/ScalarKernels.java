package org.gmmvi.kernels.scalar;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.MixtureKernels;
import org.gmmvi.kernels.NgKernels;
import org.gmmvi.kernels.RowKernels;

/** The plain-Java backend ("scalar"): always available, and the definition of correctness. */
public final class ScalarKernels implements Kernels {

  private final DenseKernels dense = new ScalarDenseKernels();
  private final MixtureKernels mixture = new ScalarMixtureKernels();
  private final NgKernels ng = new ScalarNgKernels();
  private final RowKernels rows = new ScalarRowKernels();

  @Override
  public String name() {
    return "scalar";
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

  @Override
  public RowKernels rows() {
    return rows;
  }
}
