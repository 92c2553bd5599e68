package org.gmmvi.kernels;

/**
 * Loops whose SIMD lanes run over the rows of a block of data stored feature-major
 * ({@code buf[feature*stride + row]}, unit stride over rows): the layers of a small neural network
 * (the WINE target) and the Gaussian-kernel row sums of the MMD metric.
 *
 * <p>Outputs are overwritten. Results are deterministic per backend; backends agree to rounding
 * (the agreement suite bounds the difference).
 */
public interface RowKernels {

  /** {@code z[off+r] ← 1/(1 + exp(−z[off+r]))} for {@code r < n}. */
  void sigmoid(double[] z, int off, int n);

  /** {@code Σ_{r<n} a[aOff+r]·b[bOff+r]}. */
  double dot(double[] a, int aOff, double[] b, int bOff, int n);

  /**
   * Dense layer over the rows of a block: {@code out[j*stride + r] = b_j + Σ_{i<nIn}
   * in[i*stride + r] · w[wm + i·si + j·sj]} for {@code j < nOut}, {@code r < n ≤ stride}, with
   * {@code b_j = w[wb + j]}, or 0 when {@code wb < 0}. Strides {@code (si, sj)} select a row-major
   * {@code nIn × nOut} weight matrix ({@code (nOut, 1)}) or its transpose ({@code (1, nIn)}).
   */
  void dense(double[] in, int nIn, double[] w, int wm, int si, int sj, int wb, double[] out,
      int nOut, int n, int stride);

  /**
   * Gaussian-kernel row sum {@code Σ_{j∈[from,to)} exp(−‖a[aOff..aOff+d) − g_j‖²)} against rows
   * {@code g_j} stored transposed ({@code gT[k*n + j]}, {@code d × n}); {@code 0 ≤ from ≤ to ≤ n}.
   */
  double gaussianRowSum(double[] a, int aOff, double[] gT, int n, int from, int to, int d);
}
