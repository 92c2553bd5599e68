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
}
