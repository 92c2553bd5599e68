package org.gmmvi.kernels.panama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * {@link PanamaExp}: within 2 ulp of {@code Math.exp} over the whole double range, exact at the
 * special values, and bit-identical to its scalar twin in every call, before and after the JIT
 * compiles it (the Vector API's own {@code EXP} is not: its compiled SVML stub and the
 * interpreter's per-lane {@code Math.exp} differ in the last bit).
 */
class PanamaExpTest {

  private static final int LANES = PanamaVectorConstants.LANES;

  private static double[] vectorExp(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i + LANES <= x.length; i += LANES) {
      PanamaExp.exp(DoubleVector.fromArray(PanamaVectorConstants.SPECIES, x, i)).intoArray(out, i);
    }
    return out;
  }

  private static double ulpDistance(double got, double want) {
    if (got == want) {
      return 0;
    }
    return Math.abs(got - want) / Math.ulp(want);
  }

  @Test
  void withinTwoUlpOfMathExpOverTheWholeRange() {
    Random r = new Random(2026);
    int n = 200_000 - 200_000 % LANES;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = switch (i % 4) {
        case 0 -> -745.0 + 1455.0 * r.nextDouble(); // the whole finite range
        case 1 -> 2.0 * r.nextGaussian(); // around 0
        case 2 -> -745.0 + 40 * r.nextDouble(); // subnormal results
        default -> 690.0 + 19.78 * r.nextDouble(); // near overflow
      };
    }
    double[] e = vectorExp(x);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      worst = Math.max(worst, ulpDistance(e[i], Math.exp(x[i])));
    }
    assertThat(worst).as("largest error in ulp").isLessThanOrEqualTo(2.0);
  }

  @Test
  void specialValues() {
    double[] x = padded(0.0, -0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
        710.0, 709.78, -746.0, -745.1, 1.0, -1.0, -708.5);
    double[] e = vectorExp(x);
    assertThat(e[0]).isEqualTo(1.0);
    assertThat(e[1]).isEqualTo(1.0);
    assertThat(e[2]).isEqualTo(0.0);
    assertThat(e[3]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(e[4]).isNaN();
    assertThat(e[5]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(e[6]).isFinite();
    assertThat(e[7]).isEqualTo(0.0);
    for (int i = 6; i < 12; i++) {
      assertThat(ulpDistance(e[i], Math.exp(x[i]))).as("x = %s", x[i]).isLessThanOrEqualTo(2.0);
    }
  }

  @Test
  void vectorAndScalarTwinAgreeBitForBitBeforeAndAfterCompilation() {
    Random r = new Random(7);
    double[] x = new double[64];
    for (int rep = 0; rep < 30_000; rep++) {
      for (int i = 0; i < x.length; i++) {
        x[i] = -50 * r.nextDouble() + 10 * r.nextGaussian();
      }
      double[] e = vectorExp(x);
      for (int i = 0; i < x.length; i++) {
        if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(
            PanamaExp.expScalar(x[i]))) {
          assertThat(e[i]).as("x = %s, call %d", x[i], rep).isEqualTo(PanamaExp.expScalar(x[i]));
        }
      }
    }
  }

  @Test
  void rowKernelsGiveTheSameBitsInEveryCallAndEveryPosition() {
    PanamaRowKernels k = new PanamaRowKernels();
    Random r = new Random(3);
    int d = 5;
    int n = 37; // a scalar tail after the vector blocks
    double[] gT = new double[d * n];
    for (int i = 0; i < gT.length; i++) {
      gT[i] = r.nextGaussian();
    }
    double[] a = {0.1, -0.2, 0.3, 0.0, 0.5};
    double firstSum = k.gaussianRowSum(a, 0, gT, n, 0, n, d);
    double[] z0 = new double[n];
    for (int i = 0; i < n; i++) {
      z0[i] = 8 * r.nextGaussian();
    }
    double[] firstSig = z0.clone();
    k.sigmoid(firstSig, 0, n);
    for (int rep = 0; rep < 20_000; rep++) {
      assertThat(k.gaussianRowSum(a, 0, gT, n, 0, n, d)).as("call %d", rep).isEqualTo(firstSum);
      double[] z = z0.clone();
      k.sigmoid(z, 0, n);
      if (!java.util.Arrays.equals(z, firstSig)) {
        assertThat(z).as("sigmoid, call %d", rep).containsExactly(firstSig);
      }
      // shifted by one: every row now falls in another lane or the tail, the values stay
      double[] shifted = new double[n + 1];
      System.arraycopy(z0, 0, shifted, 1, n);
      k.sigmoid(shifted, 1, n);
      if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(shifted, 1, n + 1), firstSig)) {
        assertThat(java.util.Arrays.copyOfRange(shifted, 1, n + 1)).as("shifted, call %d", rep)
            .containsExactly(firstSig);
      }
    }
  }

  private static double[] padded(double... v) {
    int n = (v.length + LANES - 1) / LANES * LANES;
    return java.util.Arrays.copyOf(v, n);
  }
}
