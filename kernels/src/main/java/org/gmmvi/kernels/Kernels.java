package org.gmmvi.kernels;

/**
 * One backend's set of kernel families. Obtain the process-wide choice from
 * {@link KernelProvider#get()}.
 */
public interface Kernels {

  /** The backend's name as used by {@code -Dgmmvi.kernels.backend}: a {@link Backend#id()}. */
  String name();

  /** Dense Cholesky algebra and small products. */
  DenseKernels dense();

  /** Batched Gaussian-mixture log-densities, responsibilities and scores. */
  MixtureKernels mixture();

  /** Weighted sums for the natural-gradient estimators. */
  NgKernels ng();

  /** Loops with lanes over the rows of a feature-major block (network layers, MMD row sums). */
  RowKernels rows();
}
