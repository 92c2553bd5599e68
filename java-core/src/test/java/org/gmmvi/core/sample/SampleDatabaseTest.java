package org.gmmvi.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.testutil.SpecFixtures;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

class SampleDatabaseTest {

  private static SampleDatabase db(long maxSize, boolean keep) {
    return new SampleDatabase(2, false, keep, maxSize, true, KernelProvider.get());
  }

  private static void addConst(SampleDatabase db, GmmModel m, double[] x) {
    int n = x.length / 2;
    db.add(x, n, m, new double[n], new double[2 * n], new int[n]);
  }

  /**
   * §5.5 item 12: a window with 3 samples from G_a = N(0, I) and 1 from G_b = N([2, 0], diag(0.5, 2))
   * has background log(0.75 N_a + 0.25 N_b); at x = [1, 0.5] this is −2.5556371557.
   */
  @Test
  void item12BackgroundDensity() {
    GmmModel ga = SpecFixtures.single(new double[] {0, 0}, new double[] {1, 0, 0, 1});
    GmmModel gb = SpecFixtures.single(new double[] {2, 0}, new double[] {0.5, 0, 0, 2});
    SampleDatabase db = db(0, true);
    addConst(db, ga, new double[] {1, 0.5, -0.3, 0.2, 0.8, -1.1});
    addConst(db, gb, new double[] {2.5, 1.0});
    SampleBatch b = db.newest(4);
    assertThat(b.n()).isEqualTo(4);
    assertClose(ga.logDensity(new double[] {1, 0.5}, 1)[0], -2.4628770664, 1e-9, "log N_a");
    assertClose(gb.logDensity(new double[] {1, 0.5}, 1)[0], -2.9003770664, 1e-9, "log N_b");
    assertClose(b.logQbg()[0], -2.5556371557, 1e-9, "log q_bg([1, 0.5])");
    for (int i = 0; i < 4; i++) {
      double[] xi = {b.x()[2 * i], b.x()[2 * i + 1]};
      double expected = Math.log(0.75 * Math.exp(ga.logDensity(xi, 1)[0])
          + 0.25 * Math.exp(gb.logDensity(xi, 1)[0]));
      assertClose(b.logQbg()[i], expected, 1e-12, "log q_bg sample " + i);
    }
    // a window of the newest 2 samples: 1 from each, α = ½ each
    SampleBatch w2 = db.newest(2);
    double[] x0 = {0.8, -1.1};
    assertClose(w2.logQbg()[0], Math.log(0.5 * Math.exp(ga.logDensity(x0, 1)[0])
        + 0.5 * Math.exp(gb.logDensity(x0, 1)[0])), 1e-12, "window of 2");
    assertThat(db.numSamplesWritten()).isEqualTo(4);
  }

  /**
   * §5.5 item 14: maxSize 10, 8 stored, 4 new: the database keeps old positions 0, 2, 4, 6 and then
   * the 4 new samples; a Gaussian only odd positions referenced is dropped and the mapping renumbered
   * (§5.6 item 22: the mapping indexes existing Gaussians, backgrounds are finite).
   */
  @Test
  void item14Thinning() {
    GmmModel g0 = SpecFixtures.single(new double[] {0, 0}, new double[] {1, 0, 0, 1});
    GmmModel g1 = SpecFixtures.single(new double[] {5, 0}, new double[] {1, 0, 0, 1});
    GmmModel g2 = SpecFixtures.single(new double[] {0, 5}, new double[] {1, 0, 0, 1});
    GmmModel g3 = SpecFixtures.single(new double[] {5, 5}, new double[] {1, 0, 0, 1});
    SampleDatabase db = db(10, true);
    addConst(db, g0, new double[] {0, 0});                    // position 0, G0
    addConst(db, g1, new double[] {1, 1});                    // position 1, G1 (dropped)
    addConst(db, g2, new double[] {2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7}); // positions 2..7, G2
    assertThat(db.size()).isEqualTo(8);
    assertThat(db.numGaussians()).isEqualTo(3);
    addConst(db, g3, new double[] {10, 10, 11, 11, 12, 12, 13, 13});
    assertThat(db.size()).isEqualTo(8);
    assertThat(db.numSamplesWritten()).isEqualTo(12);
    assertThat(db.numGaussians()).isEqualTo(3);
    SampleBatch all = db.newest(100);
    double[] firstCoords = new double[8];
    for (int i = 0; i < 8; i++) {
      firstCoords[i] = all.x()[2 * i];
    }
    assertThat(firstCoords).containsExactly(0, 2, 4, 6, 10, 11, 12, 13);
    assertThat(all.mapping()).containsExactly(0, 1, 1, 1, 2, 2, 2, 2);
    for (double v : all.logQbg()) {
      assertThat(v).isFinite();
    }
    // the background uses the renumbered Gaussians: sample 0 comes from G0 = N(0, I) (α = 1/8)
    double expected = Math.log(Math.exp(g0.logDensity(new double[] {0, 0}, 1)[0]) / 8
        + 3 * Math.exp(g2.logDensity(new double[] {0, 0}, 1)[0]) / 8
        + 4 * Math.exp(g3.logDensity(new double[] {0, 0}, 1)[0]) / 8);
    assertClose(all.logQbg()[0], expected, 1e-12, "background after thinning");
  }

  /**
   * §5.4 item 11: the 10 fixed samples stored with the model's own components (counts 5/5) give the
   * background log(½N0 + ½N1) printed in the spec; the mixture log-density under w = [0.4, 0.6] too.
   */
  @Test
  void item11BackgroundAndMixtureDensity() {
    GmmModel m = SpecFixtures.item11Model();
    SampleDatabase db = db(0, true);
    double[] grad = new double[20];
    double[] lp = SpecFixtures.bananaLogP(SpecFixtures.ITEM11_X, 10, grad);
    db.add(SpecFixtures.ITEM11_X, 10, m, lp, grad, SpecFixtures.ITEM11_MAP);
    SampleBatch b = db.newest(10);
    assertClose(b.logQbg(), SpecFixtures.ITEM11_LOGQBG, 1e-9, "background");
    assertClose(m.logDensity(SpecFixtures.ITEM11_X, 10), new double[] {-2.7142705002,
        -2.7792723427, -3.1774398899, -2.3395257240, -2.9985217425, -2.3277406479, -2.2155924403,
        -2.0640161925, -2.8324968861, -2.5280648165}, 1e-9, "log q");
    assertThat(b.mapping()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    assertThat(b.gradLogP()).containsExactly(grad);
  }

  /** Without {@code keep}, every add replaces the database; random subsets are permutations. */
  @Test
  void noKeepReplacesAndRandomSubset() {
    GmmModel g = SpecFixtures.single(new double[] {0, 0}, new double[] {1, 0, 0, 1});
    SampleDatabase db = db(0, false);
    addConst(db, g, new double[] {1, 1, 2, 2});
    addConst(db, g, new double[] {3, 3});
    assertThat(db.size()).isEqualTo(1);
    assertThat(db.numSamplesWritten()).isEqualTo(3);
    SampleDatabase keep = db(0, true);
    keep.add(new double[] {1, 1, 2, 2, 3, 3}, 3, g, new double[] {10, 20, 30}, new double[6],
        new int[3]);
    double[][] sub = keep.randomSubset(2, new Rng(4));
    assertThat(sub[1]).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(sub[1][i]).isEqualTo(10 * sub[0][2 * i]); // logP travels with its sample
    }
    assertThat(keep.newest(0).n()).isZero();
  }

  @Test
  void rejectsMismatchedModelAndMapping() {
    GmmModel g3 = SpecFixtures.single(new double[] {0, 0, 0},
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    SampleDatabase db = db(0, true);
    assertThatThrownBy(() -> db.add(new double[3], 1, g3, new double[1], new double[3],
        new int[1])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("D=3");
    GmmModel g = SpecFixtures.single(new double[] {0, 0}, new double[] {1, 0, 0, 1});
    assertThatThrownBy(() -> db.add(new double[2], 1, g, new double[1], new double[2],
        new int[] {1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mapping entry 0 = 1");
  }
}
