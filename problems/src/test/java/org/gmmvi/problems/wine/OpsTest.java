package org.gmmvi.problems.wine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gmmvi.core.random.Rng;
import org.junit.jupiter.api.Test;

/** The Vector API inner loops agree with the plain-Java reference ({@link ScalarOps}). */
class OpsTest {

  @Test
  void vectorOpsAgreeWithScalarOps() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector is not present in this JVM");
    Rng rng = new Rng(41);
    for (int n = 1; n <= 131; n += 5) {
      int off = n % 7;
      double[] a = new double[off + n];
      double[] b = new double[off + n];
      for (int i = 0; i < a.length; i++) {
        a[i] = 20 * rng.nextGaussian(); // includes saturated sigmoid arguments
        b[i] = rng.nextGaussian();
      }
      double dot = ScalarOps.dot(a, off, b, off, n);
      assertThat(VectorOps.dot(a, off, b, off, n)).as("dot n=%d", n)
          .isCloseTo(dot, within(1e-12 * (1 + Math.abs(dot)) * n));
      double[] s = a.clone();
      double[] v = a.clone();
      ScalarOps.sigmoid(s, off, n);
      VectorOps.sigmoid(v, off, n);
      for (int i = 0; i < off; i++) {
        assertThat(v[i]).isEqualTo(a[i]); // untouched before the offset
      }
      for (int i = off; i < off + n; i++) {
        assertThat(v[i]).as("sigmoid(%s)", a[i]).isCloseTo(s[i], within(4e-16 * Math.max(s[i], 1e-300)));
      }
    }
  }

  @Test
  void vectorDenseLayerAgreesWithScalarDenseLayer() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector is not present in this JVM");
    Rng rng = new Rng(43);
    int block = BnnKernel.BLOCK;
    for (int n : new int[] {1, 3, 4, 83, 122, 128}) {
      for (int nIn : new int[] {8, 11}) {
        double[] in = new double[nIn * block];
        double[] w = new double[200];
        for (int i = 0; i < in.length; i++) {
          in[i] = rng.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
          w[i] = rng.nextGaussian();
        }
        for (int variant = 0; variant < 3; variant++) {
          int si = variant == 2 ? 1 : 8;
          int sj = variant == 2 ? nIn : 1;
          int wb = variant == 1 ? -1 : 150;
          double[] s = new double[8 * block];
          double[] v = new double[8 * block];
          ScalarOps.dense(in, nIn, w, 5, si, sj, wb, s, 8, n);
          VectorOps.dense(in, nIn, w, 5, si, sj, wb, v, 8, n);
          for (int j = 0; j < 8; j++) {
            for (int r = 0; r < n; r++) {
              double e = s[j * block + r];
              assertThat(v[j * block + r]).as("n=%d nIn=%d variant=%d out[%d][%d]", n, nIn, variant, j, r)
                  .isCloseTo(e, within(1e-13 * (1 + Math.abs(e))));
            }
          }
        }
      }
    }
  }
}
