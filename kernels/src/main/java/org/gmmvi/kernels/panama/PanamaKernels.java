package org.gmmvi.kernels.panama;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.MixtureKernels;
import org.gmmvi.kernels.NgKernels;
import org.gmmvi.kernels.RowKernels;

/**
 * The Vector API backend ("panama"). Each family extends its scalar counterpart and overrides only
 * the hot paths (netlib's {@code VectorBLAS extends JavaBLAS} pattern); everything else, and every
 * input below the vectorisation thresholds, runs the scalar reference code. Needs
 * {@code --add-modules jdk.incubator.vector}; {@code KernelProvider} checks that before it loads
 * this class.
 */
public final class PanamaKernels implements Kernels {

  private final DenseKernels dense = new PanamaDenseKernels();
  private final MixtureKernels mixture = new PanamaMixtureKernels();
  private final NgKernels ng = new PanamaNgKernels();
  private final RowKernels rows = new PanamaRowKernels();

  @Override
  public String name() {
    return "panama";
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

  /** Lanes of the preferred double vector on this machine (4 on AVX2), for logs. */
  public static int lanes() {
    return PanamaVectorConstants.LANES;
  }
}
