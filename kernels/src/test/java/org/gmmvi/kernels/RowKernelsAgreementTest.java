package org.gmmvi.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gmmvi.kernels.testing.KernelTestSupport.assertClose;

import java.util.SplittableRandom;
import org.gmmvi.kernels.scalar.ScalarKernels;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every backend's {@link RowKernels} against the scalar reference at awkward sizes and offsets
 * (vector bodies, scalar tails, saturated sigmoid arguments), plus closed forms and misuse.
 */
class RowKernelsAgreementTest {

  private static final RowKernels REF = new ScalarKernels().rows();

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void sigmoidAndDotMatchTheReference(String backend) {
    RowKernels rows = KernelTestSupport.backendOrSkip(backend).rows();
    SplittableRandom rnd = new SplittableRandom(41);
    for (int n = 1; n <= 131; n += 5) {
      int off = n % 7;
      double[] a = new double[off + n];
      double[] b = new double[off + n];
      for (int i = 0; i < a.length; i++) {
        a[i] = 20 * rnd.nextGaussian(); // includes saturated sigmoid arguments
        b[i] = rnd.nextGaussian();
      }
      double dot = REF.dot(a, off, b, off, n);
      assertThat(rows.dot(a, off, b, off, n)).as("%s dot n=%d", backend, n)
          .isCloseTo(dot, within(1e-12 * (1 + Math.abs(dot)) * n));
      double[] s = a.clone();
      double[] v = a.clone();
      REF.sigmoid(s, off, n);
      rows.sigmoid(v, off, n);
      for (int i = 0; i < off; i++) {
        assertThat(v[i]).isEqualTo(a[i]); // untouched before the offset
      }
      for (int i = off; i < off + n; i++) {
        assertThat(v[i]).as("%s sigmoid(%s)", backend, a[i])
            .isCloseTo(s[i], within(4e-16 * Math.max(s[i], 1e-300)));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void denseLayerMatchesTheReference(String backend) {
    RowKernels rows = KernelTestSupport.backendOrSkip(backend).rows();
    SplittableRandom rnd = new SplittableRandom(43);
    int stride = 128;
    for (int n : new int[] {1, 3, 4, 83, 122, 128}) {
      for (int nIn : new int[] {1, 8, 11}) {
        for (int nOut : new int[] {1, 8}) {
          double[] in = KernelTestSupport.uniform(rnd, nIn, stride);
          double[] w = KernelTestSupport.uniform(rnd, 1, 200);
          for (int variant = 0; variant < 3; variant++) {
            int si = variant == 2 ? 1 : nOut;
            int sj = variant == 2 ? nIn : 1;
            int wb = variant == 1 ? -1 : 150;
            double[] s = new double[nOut * stride];
            double[] v = new double[nOut * stride];
            REF.dense(in, nIn, w, 5, si, sj, wb, s, nOut, n, stride);
            rows.dense(in, nIn, w, 5, si, sj, wb, v, nOut, n, stride);
            assertClose(s, v, 1e-13, backend + " dense n=" + n + " nIn=" + nIn + " nOut=" + nOut
                + " variant=" + variant);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void gaussianRowSumMatchesTheReference(String backend) {
    RowKernels rows = KernelTestSupport.backendOrSkip(backend).rows();
    SplittableRandom rnd = new SplittableRandom(47);
    for (int d : new int[] {1, 2, 3, 10, 31}) {
      for (int n : new int[] {1, 7, 16, 37, 200}) {
        double[] gT = KernelTestSupport.uniform(rnd, d, n);
        double[] a = KernelTestSupport.uniform(rnd, 1, d + 2);
        for (int from : new int[] {0, 1, n / 2, n}) {
          double ref = REF.gaussianRowSum(a, 2, gT, n, from, n, d);
          double got = rows.gaussianRowSum(a, 2, gT, n, from, n, d);
          assertThat(got).as("%s d=%d n=%d from=%d", backend, d, n, from)
              .isCloseTo(ref, within(1e-13 * (1 + ref)));
        }
      }
    }
  }

  @Test
  void referenceRowSumIsTheClosedForm() {
    // Rows g_0 = (0, 0), g_1 = (1, 0), g_2 = (0, 2) stored transposed; a = (0, 0).
    double[] gT = {0, 1, 0, 0, 0, 2};
    double expected = 1 + Math.exp(-1) + Math.exp(-4);
    assertThat(REF.gaussianRowSum(new double[] {0, 0}, 0, gT, 3, 0, 3, 2))
        .isCloseTo(expected, within(1e-15));
    assertThat(REF.gaussianRowSum(new double[] {0, 0}, 0, gT, 3, 1, 3, 2))
        .isCloseTo(expected - 1, within(1e-15));
    assertThat(REF.gaussianRowSum(new double[] {0, 0}, 0, gT, 3, 3, 3, 2)).isZero();
  }

  @Test
  void misuseNamesTheArgument() {
    assertThatThrownBy(() -> REF.gaussianRowSum(new double[2], 0, new double[6], 3, 2, 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from <= to");
    assertThatThrownBy(() -> REF.gaussianRowSum(new double[2], 0, new double[5], 3, 0, 3, 2))
        .hasMessageContaining("gT is too short");
    assertThatThrownBy(() -> REF.dense(new double[8], 1, new double[1], 0, 1, 1, -1,
        new double[8], 1, 9, 8)).hasMessageContaining("stride");
    assertThatThrownBy(() -> REF.dense(new double[8], 2, new double[1], 0, 1, 1, -1,
        new double[8], 1, 4, 4)).hasMessageContaining("w is too short");
    assertThatThrownBy(() -> REF.dot(new double[3], 1, new double[3], 0, 3))
        .hasMessageContaining("a is too short");
    assertThatThrownBy(() -> REF.sigmoid(new double[3], 0, -1))
        .hasMessageContaining("n must be >= 0");
  }
}
