package org.gmmvi.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

/**
 * Releasing the parameters of Gaussians that no reachable window needs (memory bound of the
 * database) must not change any background density (ALGORITHM.md §1.7), also across thinnings, and
 * the stored numbering must keep the per-batch layout {@code base + o} (all K Gaussians appended, as
 * the reference does) that the relative mapping of §2.1 relies on.
 */
class SampleDatabaseReleaseTest {

  private static GmmModel model(Rng rng, int k, int d) {
    double[] logw = new double[k];
    double[] means = new double[k * d];
    double[] chols = new double[k * d * d];
    for (int o = 0; o < k; o++) {
      for (int i = 0; i < d; i++) {
        means[o * d + i] = 3 * rng.nextGaussian();
        chols[o * d * d + i * d + i] = 0.5 + rng.nextDouble();
        for (int j = 0; j < i; j++) {
          chols[o * d * d + i * d + j] = 0.2 * rng.nextGaussian();
        }
      }
    }
    return GmmModel.create(logw, means, chols, d, false, KernelProvider.get());
  }

  @Test
  void releasedGaussiansNeverChangeAReachableWindow() {
    int d = 3;
    int k = 4;
    int perComponent = 5;
    int reuse = 10; // floor(ρ·n_des) per component
    Rng rng = new Rng(11);
    SampleDatabase all = new SampleDatabase(d, false, true, 300, false, KernelProvider.get());
    SampleDatabase released = new SampleDatabase(d, false, true, 300, false, KernelProvider.get());
    for (int it = 0; it < 60; it++) {
      GmmModel m = model(rng, k, d);
      int[] counts = new int[k];
      java.util.Arrays.fill(counts, perComponent);
      int n = k * perComponent;
      double[] x = new double[n * d];
      int[] map = new int[n];
      m.sampleFromComponents(counts, rng, x, map);
      double[] logP = new double[n];
      for (int i = 0; i < n; i++) {
        logP[i] = -0.5 * (x[i * d] * x[i * d]);
      }
      int window = reuse * k + n;
      all.add(x, n, m, logP, null, map);
      released.add(x, n, m, logP, null, map, 2 * (reuse * (k + 1) + n));
      SampleBatch a = all.newest(window);
      SampleBatch b = released.newest(window);
      assertThat(b.logQbg()).containsExactly(a.logQbg());
      assertThat(b.mapping()).containsExactly(a.mapping());
      // The newest batch's Gaussians are numbered base + o, so m − max(m) + K − 1 = o.
      int max = b.mapping()[b.n() - 1];
      for (int i = b.n() - n; i < b.n(); i++) {
        assertThat(b.mapping()[i] - max + k - 1).isEqualTo(map[i - (b.n() - n)]);
      }
    }
    assertThat(released.firstRetainedGaussian()).isPositive();
    assertThat(all.firstRetainedGaussian()).isZero();
    assertThatThrownBy(() -> released.newest(released.size()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
  }
}
