package org.gmmvi.kernels.scalar;

import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.BackendKernels;

/** The plain-Java backend ("scalar"): always available, and the definition of correctness. */
public final class ScalarKernels extends BackendKernels {

  /** The scalar families. */
  public ScalarKernels() {
    super(Backend.SCALAR, new ScalarDenseKernels(), new ScalarMixtureKernels(),
        new ScalarNgKernels(), new ScalarRowKernels());
  }
}
