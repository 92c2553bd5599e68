package org.gmmvi.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RngTest {

  @Test
  void sameSeedGivesSameStream() {
    Rng a = new Rng(42);
    Rng b = new Rng(42);
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
    assertThat(new Rng(43).nextLong()).isNotEqualTo(new Rng(42).nextLong());
  }

  @Test
  void restoredStateContinuesBitIdentically() {
    Rng a = new Rng(7);
    a.nextGaussian(); // leaves a cached spare normal in the state
    long[] state = a.state();
    Rng b = Rng.fromState(state);
    for (int i = 0; i < 1000; i++) {
      assertThat(Double.doubleToRawLongBits(b.nextGaussian()))
          .isEqualTo(Double.doubleToRawLongBits(a.nextGaussian()));
    }
  }

  @Test
  void gaussianMomentsWithinStandardErrors() {
    Rng r = new Rng(1);
    int n = 200_000;
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double g = r.nextGaussian();
      s += g;
      s2 += g * g;
    }
    double mean = s / n;
    double var = s2 / n - mean * mean;
    assertThat(Math.abs(mean)).isLessThan(4.0 / Math.sqrt(n));
    assertThat(Math.abs(var - 1.0)).isLessThan(4.0 * Math.sqrt(2.0 / n));
  }

  @Test
  void nextIntIsUniform() {
    Rng r = new Rng(3);
    int[] counts = new int[7];
    int n = 70_000;
    for (int i = 0; i < n; i++) {
      counts[r.nextInt(7)]++;
    }
    for (int c : counts) {
      // binomial sd = sqrt(n p (1-p)) ≈ 92
      assertThat(Math.abs(c - n / 7.0)).isLessThan(5 * 92.0);
    }
    assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void permutationContainsEveryIndexOnce() {
    int[] p = new Rng(5).permutation(1000);
    boolean[] seen = new boolean[1000];
    for (int v : p) {
      assertThat(seen[v]).isFalse();
      seen[v] = true;
    }
  }

  @Test
  void invalidStateIsRejected() {
    assertThatThrownBy(() -> Rng.fromState(new long[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 longs");
    assertThatThrownBy(() -> Rng.fromState(new long[6]))
        .hasMessageContaining("all-zero");
  }
}
