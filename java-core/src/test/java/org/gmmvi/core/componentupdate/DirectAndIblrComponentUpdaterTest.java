package org.gmmvi.core.componentupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.ngestimate.SteinNgEstimator;
import org.gmmvi.core.testutil.SpecFixtures;
import org.junit.jupiter.api.Test;

class DirectAndIblrComponentUpdaterTest {

  private static final double[] I2 = {1, 0, 0, 1};

  /** One update of the item-2 Gaussian-target model with exact moments. */
  private static GmmModel step(ComponentUpdater u, double[] mu, double[] sigma, double beta,
      double numUpdates) {
    GmmModel m = SpecFixtures.single(mu, sigma);
    ComponentBookkeeping book = SpecFixtures.book(1, beta);
    book.setNumUpdates(0, numUpdates);
    boolean[] ok = u.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
    assertThat(ok[0]).isTrue();
    assertThat(book.numUpdates(0)).isEqualTo(numUpdates + 1);
    return m;
  }

  /** §5.1 item 2: Direct with β = 1 reaches the target exactly from any (μ, Σ). */
  @Test
  void item2DirectFullStepReachesTarget() {
    double[][] starts = {{0, 0}, {3, -2}, {-1, 5}};
    double[][] covs = {I2, {4, -1, -1, 0.7}, {0.2, 0.05, 0.05, 9}};
    for (int t = 0; t < starts.length; t++) {
      GmmModel m = step(new DirectComponentUpdater(1e-12), starts[t], covs[t], 1.0, 0);
      assertClose(m.mean(0), SpecFixtures.M_STAR, 1e-10, "μ'");
      assertClose(m.covariance(0), SpecFixtures.S_STAR, 1e-10, "Σ'");
    }
  }

  /** §5.1 item 2: Direct with β = 0.5 from (0, I). */
  @Test
  void item2DirectHalfStep() {
    GmmModel m = step(new DirectComponentUpdater(1e-12), new double[] {0, 0}, I2, 0.5, 0);
    assertClose(m.mean(0), new double[] {0.4347826087, -0.6086956522}, 1e-9, "μ'");
    assertClose(m.covariance(0), new double[] {1.3043478261, 0.1739130435, 0.1739130435,
        0.9565217391}, 1e-9, "Σ'");
  }

  /** §5.1 item 2: iBLR with β = 0.5 (first update: no mean step; later: mean step) and β = 1. */
  @Test
  void item2Iblr() {
    double[] sig = {1.2458776108, 0.1524367900, 0.1524367900, 0.9410040308};
    GmmModel later = step(new IblrComponentUpdater(1e-12), new double[] {0, 0}, I2, 0.5, 3);
    assertClose(later.mean(0), new double[] {0.4285714286, -0.7142857143}, 1e-9, "μ'");
    assertClose(later.covariance(0), sig, 1e-9, "Σ'");
    GmmModel first = step(new IblrComponentUpdater(1e-12), new double[] {0, 0}, I2, 0.5, 0);
    assertThat(first.mean(0)).containsExactly(0.0, 0.0);
    assertClose(first.covariance(0), sig, 1e-9, "Σ' (first update)");
    GmmModel full = step(new IblrComponentUpdater(1e-12), new double[] {0, 0}, I2, 1.0, 1);
    assertClose(full.mean(0), new double[] {0.8571428571, -1.4285714286}, 1e-9, "μ' β=1");
    assertClose(full.covariance(0), new double[] {1.5294117647, 0.3137254902, 0.3137254902,
        0.9019607843}, 1e-9, "Σ' β=1");
  }

  /** §5.4 item 11: Direct with Stein (SNIS), β = 0.1. */
  @Test
  void item11Direct() {
    GmmModel m = SpecFixtures.item11Model();
    ComponentBookkeeping book = SpecFixtures.book(2, 0.1);
    NgEstimate e = new SteinNgEstimator().estimate(m, book, SpecFixtures.item11Batch());
    assertThat(new DirectComponentUpdater(1e-12).apply(m, book, e, 1.0)).containsExactly(true, true);
    assertClose(m.mean(0), new double[] {-0.89804731, 0.05917718}, 1e-7, "μ0'");
    assertClose(m.covariance(0), new double[] {0.91233837, 0.15441827, 0.15441827, 0.60400623},
        1e-7, "Σ0'");
    assertClose(m.mean(1), new double[] {0.98718557, 0.52692298}, 1e-7, "μ1'");
    assertClose(m.covariance(1), new double[] {0.69142154, -0.08275535, -0.08275535, 0.91723573},
        1e-7, "Σ1'");
  }

  /** §5.4 item 11: iBLR with Stein (SNIS), β = 0.1, not the first update. */
  @Test
  void item11Iblr() {
    GmmModel m = SpecFixtures.item11Model();
    ComponentBookkeeping book = SpecFixtures.book(2, 0.1);
    book.setNumUpdates(0, 1);
    book.setNumUpdates(1, 1);
    NgEstimate e = new SteinNgEstimator().estimate(m, book, SpecFixtures.item11Batch());
    assertThat(new IblrComponentUpdater(1e-12).apply(m, book, e, 1.0)).containsExactly(true, true);
    assertClose(m.mean(0), new double[] {-0.88602089, 0.06342058}, 1e-7, "μ0'");
    assertClose(m.covariance(0), new double[] {0.90781753, 0.15275871, 0.15275871, 0.60281809},
        1e-7, "Σ0'");
    assertClose(m.mean(1), new double[] {0.98657277, 0.52670253}, 1e-7, "μ1'");
    assertClose(m.covariance(1), new double[] {0.69122418, -0.08282776, -0.08282776, 0.91680448},
        1e-7, "Σ1'");
  }

  /**
   * §5.6 item 20 for I and Y: a non-PD new precision rejects the update: (μ, L) bit-identical,
   * l2reg = min(1e−6, 10λ), numUpdates + 1; the other component still updates.
   */
  @Test
  void item20FailedUpdateKeepsComponent() {
    for (ComponentUpdater u : new ComponentUpdater[] {new DirectComponentUpdater(1e-12),
        new IblrComponentUpdater(1e-12)}) {
      GmmModel m = SpecFixtures.item11Model();
      ComponentBookkeeping book = SpecFixtures.book(2, 1.0);
      book.setL2reg(0, 3e-7);
      book.setNumUpdates(0, 2);
      book.setNumUpdates(1, 2);
      double[] rneg = {-30, 0, 0, -30, 0.1, 0, 0, 0.1}; // Λ0 − 30 I is not PD
      if (u instanceof IblrComponentUpdater) {
        // Λ + βR + ½β²RΣR is PD for every symmetric R; the iBLR fails only on non-finite input,
        // e.g. the NaN estimate of a singular MORE system
        rneg = new double[] {Double.NaN, 0, 0, 1, 0.1, 0, 0, 0.1};
      }
      NgEstimate e = new NgEstimate(2, 2, false, rneg, new double[] {0.3, 0.3, 0.1, 0.1});
      double[] mean0 = m.mean(0);
      double[] chol0 = m.chol(0);
      boolean[] ok = u.apply(m, book, e, 1.0);
      assertThat(ok).as(u.getClass().getSimpleName()).containsExactly(false, true);
      assertThat(m.mean(0)).containsExactly(mean0);
      assertThat(m.chol(0)).containsExactly(chol0);
      assertThat(book.l2reg(0)).isEqualTo(1e-6);
      assertThat(book.l2reg(1)).isEqualTo(1e-12);
      assertThat(book.numUpdates(0)).isEqualTo(3.0);
      assertThat(book.numUpdates(1)).isEqualTo(3.0);
    }
  }

  /** Diagonal variants equal the full updates on a diagonal model with a diagonal Rneg. */
  @Test
  void diagonalEqualsFullForDiagonalRneg() {
    double[] means = {-1, 0.3, 2, 1};
    double[] stds = {1.2, 0.7, 0.5, 1.5};
    double[] chols = {1.2, 0, 0, 0.7, 0.5, 0, 0, 1.5};
    double[] rdiag = {0.4, -0.3, 1.5, 0.2};
    double[] rfull = {0.4, 0, 0, -0.3, 1.5, 0, 0, 0.2};
    double[] g = {0.5, -0.8, -0.1, 0.6};
    double[] logw = {Math.log(0.3), Math.log(0.7)};
    for (int variant = 0; variant < 2; variant++) {
      ComponentUpdater ud = variant == 0 ? new DirectComponentUpdater(1e-12)
          : new IblrComponentUpdater(1e-12);
      ComponentUpdater uf = variant == 0 ? new DirectComponentUpdater(1e-12)
          : new IblrComponentUpdater(1e-12);
      GmmModel diag = GmmModel.diagonal(logw, means, stds, 2);
      GmmModel full = GmmModel.full(logw, means, chols, 2);
      ComponentBookkeeping bd = SpecFixtures.book(2, 0.3);
      ComponentBookkeeping bf = SpecFixtures.book(2, 0.3);
      bd.setNumUpdates(1, 1);
      bf.setNumUpdates(1, 1);
      boolean[] okD = ud.apply(diag, bd, new NgEstimate(2, 2, true, rdiag, g), 1.0);
      boolean[] okF = uf.apply(full, bf, new NgEstimate(2, 2, false, rfull, g), 1.0);
      assertThat(okD).containsExactly(okF);
      for (int o = 0; o < 2; o++) {
        assertClose(diag.mean(o), full.mean(o), 1e-12, "μ'" + o);
        assertClose(diag.covariance(o), full.covariance(o), 1e-12, "Σ'" + o);
      }
    }
  }
}
