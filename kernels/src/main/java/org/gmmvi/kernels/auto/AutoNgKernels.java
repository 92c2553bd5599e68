package org.gmmvi.kernels.auto;

import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.NgKernels;

/**
 * Weighted sums: the {@code D × D} outer product and the {@code P × P} Gram matrix go to OpenBLAS
 * ({@code dgemm}) once the product is large enough ({@code N·D² >=} {@link #PRODUCT_MIN_WORK}),
 * else to the Vector API backend, else scalar; the vector sums are one memory-bound pass and run
 * scalar. Measured (JMH sample mode, N = 2000, best case, benchmarks/README.md): OpenBLAS was
 * fastest for D = 20, 66, 231 (outer product 117 / 827 / 7717 µs against panama 176 / 1323 /
 * 96862 µs and scalar 566 / 4694 / 238289 µs); the Vector API tile has no cache blocking and
 * falls off at D = 231.
 */
final class AutoNgKernels implements NgKernels {

  /**
   * {@code N·D²} from which the product backend is used (D = 8 at N = 2000). At D = 20 it was 4.8x
   * faster than scalar; below D = 8 the weighted copy and the call cost are not worth it (not
   * measured finely).
   */
  static final long PRODUCT_MIN_WORK = 128_000;

  private final NgKernels scalar;
  private final NgKernels product;
  private final String productName;

  AutoNgKernels(Kernels scalar, Kernels panama, Kernels openblas) {
    Kernels best = AutoKernels.first(openblas, panama, scalar);
    this.scalar = scalar.ng();
    this.product = best.ng();
    this.productName = best.name();
  }

  String describe() {
    return "outer/gram N*D^2<" + PRODUCT_MIN_WORK + " scalar else " + productName
        + ", sums scalar";
  }

  private NgKernels byWork(int n, int d) {
    return (long) n * d * d < PRODUCT_MIN_WORK ? scalar : product;
  }

  @Override
  public void weightedSum(double[] w, double[] g, int n, int d, double[] out) {
    scalar.weightedSum(w, g, n, d, out);
  }

  @Override
  public void weightedOuter(double[] w, double[] g, double[] h, int n, int d, double[] out) {
    byWork(n, d).weightedOuter(w, g, h, n, d, out);
  }

  @Override
  public void weightedElementwise(double[] w, double[] g, double[] h, int n, int d,
      double[] out) {
    scalar.weightedElementwise(w, g, h, n, d, out);
  }

  @Override
  public void weightedGram(double[] w, double[] phi, int n, int p, double[] out) {
    byWork(n, p).weightedGram(w, phi, n, p, out);
  }

  @Override
  public void weightedTransposeTimes(double[] w, double[] phi, int n, int p, double[] f,
      double[] out) {
    scalar.weightedTransposeTimes(w, phi, n, p, f, out);
  }
}
