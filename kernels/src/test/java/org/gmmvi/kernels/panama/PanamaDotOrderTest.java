package org.gmmvi.kernels.panama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector dot product of the Panama dense kernels (Cholesky and row solves for {@code n ≥ 48})
 * rounds the same way before and after the JIT compiles it: two FMA accumulators over blocks of
 * {@code 2·LANES}, their lane-wise sum added up in lane order, then the scalar tail. With
 * {@code reduceLanes(ADD)}, whose order is unspecified, C2's compiled reduction rounded differently
 * from the interpreter's, so the first ZAMTRUX run of a JVM on the panama backend differed from
 * the later ones (found with {@code ThreadCountDeterminismOnProblemsTest}, issue 15).
 */
class PanamaDotOrderTest {

  /** The same arithmetic in plain Java, in a fixed order. */
  private static double reference(double[] x, double[] y, int len) {
    int lanes = PanamaVectorConstants.LANES;
    double[] acc0 = new double[lanes];
    double[] acc1 = new double[lanes];
    int t = 0;
    double s = 0.0;
    if (len >= 2 * lanes) {
      int bound = len - len % (2 * lanes);
      for (; t < bound; t += 2 * lanes) {
        for (int l = 0; l < lanes; l++) {
          acc0[l] = Math.fma(x[t + l], y[t + l], acc0[l]);
          acc1[l] = Math.fma(x[t + lanes + l], y[t + lanes + l], acc1[l]);
        }
      }
      for (int l = 0; l < lanes; l++) {
        s += acc0[l] + acc1[l];
      }
    }
    for (; t < len; t++) {
      s += x[t] * y[t];
    }
    return s;
  }

  @Test
  void dotMatchesTheLaneOrderedReferenceBeforeAndAfterCompilation() {
    Random r = new Random(15);
    double[] x = new double[231];
    double[] y = new double[231];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian() * Math.exp(4 * r.nextGaussian());
      y[i] = r.nextGaussian() * Math.exp(4 * r.nextGaussian());
    }
    // enough calls for C2 to compile dot(); every call is checked, so both tiers are compared
    for (int rep = 0; rep < 40_000; rep++) {
      int len = 8 + rep % 224;
      assertThat(PanamaDenseKernels.dot(x, 0, y, 0, len)).as("len %d, call %d", len, rep)
          .isEqualTo(reference(x, y, len));
    }
  }
}
