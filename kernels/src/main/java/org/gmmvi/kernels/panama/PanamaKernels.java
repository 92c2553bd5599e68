package org.gmmvi.kernels.panama;

import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.BackendKernels;

/**
 * The Vector API backend ("panama"). Each family extends its scalar counterpart and overrides only
 * the hot paths (netlib's {@code VectorBLAS extends JavaBLAS} pattern); everything else, and every
 * input below the vectorisation thresholds, runs the scalar reference code. Needs
 * {@code --add-modules jdk.incubator.vector}; {@code KernelProvider} checks that before it loads
 * this class.
 */
public final class PanamaKernels extends BackendKernels {

  /** The Vector API families. */
  public PanamaKernels() {
    super(Backend.PANAMA, new PanamaDenseKernels(), new PanamaMixtureKernels(),
        new PanamaNgKernels(), new PanamaRowKernels());
  }

  /** Lanes of the preferred double vector on this machine (4 on AVX2), for logs. */
  public static int lanes() {
    return PanamaVectorConstants.LANES;
  }
}
