package org.gmmvi.kernels.auto;

import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.NgKernels;

/**
 * Weighted sums: the {@code D × D} outer product and the {@code P × P} Gram matrix go to the
 * fastest measured backend once the product is large enough ({@code N·D² >=}
 * {@link #PRODUCT_MIN_WORK}); the vector sums are one memory-bound pass and run scalar.
 */
final class AutoNgKernels implements NgKernels {

  /** {@code N·D²} from which the product backend wins over the scalar loops. */
  static final long PRODUCT_MIN_WORK = 4_000;

  private final NgKernels scalar;
  private final NgKernels product;
  private final String productName;

  AutoNgKernels(Kernels scalar, Kernels panama, Kernels openblas) {
    Kernels best = AutoKernels.first(panama, openblas, scalar);
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
