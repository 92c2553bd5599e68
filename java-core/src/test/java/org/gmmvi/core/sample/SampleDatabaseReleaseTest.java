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
 * the reference does) that the relative mapping of §2.1 relies on. The same holds for the
 * gradients, of which only the retain window is kept, and for a snapshot restored mid-run.
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
    SampleDatabase all = new SampleDatabase(d, false, true, 300, true, KernelProvider.get());
    SampleDatabase released = new SampleDatabase(d, false, true, 300, true, KernelProvider.get());
    int thinnings = 0;
    for (int it = 0; it < 60; it++) {
      GmmModel m = model(rng, k, d);
      int[] counts = new int[k];
      java.util.Arrays.fill(counts, perComponent);
      int n = k * perComponent;
      double[] x = new double[n * d];
      int[] map = new int[n];
      m.sampleFromComponents(counts, rng, x, map);
      double[] logP = new double[n];
      double[] grad = new double[n * d];
      for (int i = 0; i < n; i++) {
        logP[i] = -0.5 * (x[i * d] * x[i * d]);
        for (int j = 0; j < d; j++) {
          grad[i * d + j] = it + 0.01 * i + 0.001 * j - x[i * d + j];
        }
      }
      int window = reuse * k + n;
      int before = all.size();
      all.add(x, n, m, logP, grad, map);
      released.add(x, n, m, logP, grad, map, 2 * (reuse * (k + 1) + n));
      thinnings += all.size() < before + n ? 1 : 0;
      SampleBatch a = all.newest(window);
      SampleBatch b = released.newest(window);
      assertThat(b.logQbg()).containsExactly(a.logQbg());
      assertThat(b.mapping()).containsExactly(a.mapping());
      assertThat(b.gradLogP()).containsExactly(a.gradLogP());
      assertThat(b.logP()).containsExactly(a.logP());
      assertThat(released.sampleCapacity()).isLessThanOrEqualTo(300 + 300 / 8 + n);
      if (it % 7 == 3) {
        // a checkpoint taken mid-run holds only the gradient window and restores to the same state
        SampleDatabase.Snapshot snap = released.snapshot();
        assertThat(snap.grad().length)
            .isEqualTo((released.size() - released.firstSampleWithGradient()) * d);
        SampleDatabase back = new SampleDatabase(d, false, true, 300, true, KernelProvider.get());
        back.restore(snap);
        assertThat(back.newest(window).gradLogP()).containsExactly(b.gradLogP());
        assertThat(back.firstSampleWithGradient()).isEqualTo(released.firstSampleWithGradient());
        released = back;
      }
      // The newest batch's Gaussians are numbered base + o, so m − max(m) + K − 1 = o.
      int max = b.mapping()[b.n() - 1];
      for (int i = b.n() - n; i < b.n(); i++) {
        assertThat(b.mapping()[i] - max + k - 1).isEqualTo(map[i - (b.n() - n)]);
      }
    }
    assertThat(thinnings).isGreaterThanOrEqualTo(3);
    assertThat(released.firstRetainedGaussian()).isPositive();
    assertThat(released.firstSampleWithGradient()).isPositive();
    assertThat(all.firstRetainedGaussian()).isZero();
    assertThat(all.firstSampleWithGradient()).isZero();
    SampleDatabase last = released;
    assertThatThrownBy(() -> last.newest(last.size()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
  }
}
