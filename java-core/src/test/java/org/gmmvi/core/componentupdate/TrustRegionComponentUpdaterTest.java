package org.gmmvi.core.componentupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;
import static org.gmmvi.core.testutil.SpecFixtures.assertRel;
import static org.gmmvi.core.testutil.SpecFixtures.slice;

import java.util.ArrayList;
import java.util.List;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.MoreNgEstimator;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.ngestimate.SteinNgEstimator;
import org.gmmvi.core.testutil.SpecFixtures;
import org.junit.jupiter.api.Test;

class TrustRegionComponentUpdaterTest {

  private static final double[] I2 = {1, 0, 0, 1};

  private static GmmModel item2Model() {
    return SpecFixtures.single(new double[] {0, 0}, I2);
  }

  /** The evaluated midpoints of one search on the exact item-2 estimates. */
  private static List<Double> midpoints(double lastEta, double eps) {
    GmmModel m = item2Model();
    NgEstimate e = SpecFixtures.exactGaussianEstimate(m);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    List<Double> mids = new ArrayList<>();
    TrustRegionComponentUpdater.search(lastEta, eps, eta -> tr.klAt(m, e, 0, eta), mids::add);
    return mids;
  }

  /** §5.1 item 5: the exact roots of KL(η) = ε, the full-step KL, and monotonic decrease. */
  @Test
  void item5KlAtExactRoots() {
    GmmModel m = item2Model();
    NgEstimate e = SpecFixtures.exactGaussianEstimate(m);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    assertRel(tr.klAt(m, e, 0, 5.2379551439), 0.05, 1e-8, "KL(η*) for ε = 0.05");
    assertRel(tr.klAt(m, e, 0, 2.5324237902), 0.2, 1e-8, "KL(η*) for ε = 0.2");
    assertRel(tr.klAt(m, e, 0, 1.0), 1.2201921060, 1e-8, "KL of the full step");
    double prev = Double.POSITIVE_INFINITY;
    for (double eta = 0.5; eta < 1e4; eta *= 1.7) {
      double k = tr.klAt(m, e, 0, eta);
      assertThat(k).as("KL strictly decreasing at η=" + eta).isLessThan(prev);
      prev = k;
    }
    // the search from a warm start exits within 10 % of ε or below ε (§5.1 item 5)
    for (double eps : new double[] {0.05, 0.2}) {
      for (double last : new double[] {2.0, 5.0, 10.0}) {
        GmmModel q = item2Model();
        ComponentBookkeeping book = SpecFixtures.book(1, eps);
        book.setLastEta(0, last);
        boolean[] ok = tr.apply(q, book, SpecFixtures.exactGaussianEstimate(q), 1.0);
        assertThat(ok[0]).isTrue();
        double kl = tr.lastKl()[0];
        assertThat(Math.abs(kl - eps) < 0.1 * eps || kl <= eps).as("KL %s vs ε %s", kl, eps)
            .isTrue();
      }
    }
  }

  /** §5.2 item 6: cold start evaluates ln η = 30, 5 and returns η = e^5 for ε = 0.05, 0.2, 10. */
  @Test
  void item6ColdStartReturnsE5() {
    assertThat(midpoints(-1, 0.05)).containsExactly(30.0, 5.0);
    for (double eps : new double[] {0.05, 0.2, 10}) {
      GmmModel m = item2Model();
      ComponentBookkeeping book = SpecFixtures.book(1, eps);
      TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
      boolean[] ok = tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
      assertThat(ok[0]).isTrue();
      assertClose(book.lastEta(0), 148.4131591026, 1e-10, "η");
      assertRel(tr.lastKl()[0], 6.6982022e-5, 1e-7, "KL");
      assertClose(m.mean(0), new double[] {0.0057735640, -0.0096052780}, 1e-9, "μ'");
      assertClose(m.covariance(0), new double[] {1.0028997785, 0.0019288535, 0.0019288535,
          0.9990420715}, 1e-9, "Σ'");
    }
  }

  /**
   * §5.2 item 6, warm start that cannot reach η*: 9 violating midpoints, the gap test stops the
   * search with ok = false, the update fails; §5.6 item 20: (μ, L) bit-identical, l2reg min(1e−6,
   * 10λ), lastEta = −1, numUpdates + 1.
   */
  @Test
  void item6WarmStartFailureAndItem20Invariants() {
    assertThat(midpoints(1, 0.002)).containsExactly(1.5, 2.25, 2.625, 2.8125, 2.90625, 2.953125,
        2.9765625, 2.98828125, 2.994140625);
    GmmModel m = item2Model();
    NgEstimate e = SpecFixtures.exactGaussianEstimate(m);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    assertRel(tr.klAt(m, e, 0, Math.exp(3)), 0.0035921387, 3e-8, "KL(e^3) (8 printed digits)");
    assertRel(tr.klAt(m, e, 0, Math.exp(2.994140625)), 0.0036340457, 3e-8, "KL(last midpoint)");
    double[] meanBefore = m.meansArray().clone();
    double[] cholBefore = m.cholsArray().clone();
    for (double l2 : new double[] {1e-12, 5e-7}) {
      ComponentBookkeeping book = SpecFixtures.book(1, 0.002);
      book.setLastEta(0, 1.0);
      book.setL2reg(0, l2);
      book.setNumUpdates(0, 3);
      boolean[] ok = tr.apply(m, book, e, 1.0);
      assertThat(ok[0]).isFalse();
      assertThat(m.meansArray()).containsExactly(meanBefore);
      assertThat(m.cholsArray()).containsExactly(cholBefore);
      assertThat(book.lastEta(0)).isEqualTo(-1.0);
      assertThat(book.l2reg(0)).isEqualTo(Math.min(1e-6, 10 * l2));
      assertThat(book.numUpdates(0)).isEqualTo(4.0);
    }
  }

  /** §2.4 common tail on success: l2reg ← max(0.5·λ, λ0), numUpdates + 1. */
  @Test
  void successHalvesL2regDownToTheInitialValue() {
    GmmModel m = item2Model();
    ComponentBookkeeping book = SpecFixtures.book(1, 0.05);
    book.setL2reg(0, 1e-6);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-7);
    tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
    assertThat(book.l2reg(0)).isEqualTo(5e-7);
    tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
    tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
    tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
    assertThat(book.l2reg(0)).isEqualTo(1e-7);
    assertThat(book.numUpdates(0)).isEqualTo(4.0);
  }

  /** §5.2 item 7: the 8-iteration sequence with exact moments, warm-started from the previous η. */
  @Test
  void item7EightIterationSequence() {
    double[][] table = {
        {148.413, 6.6982e-5, 0.0057736, -0.0096053},
        {7.56428, 0.0240938, 0.1178506, -0.1888383},
        {4.44301, 0.0480215, 0.2845941, -0.4270966},
        {3.29699, 0.0486056, 0.4670032, -0.6433048},
        {2.19502, 0.0520111, 0.6798906, -0.8327747},
        {1.26698, 0.0495806, 0.9232503, -0.9712580},
        {1.10644, 0.00312679, 0.9923292, -0.9974125},
        {1.10176, 2.9805e-5, 0.9992888, -0.9997627}};
    GmmModel m = item2Model();
    ComponentBookkeeping book = SpecFixtures.book(1, 0.05);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    for (double[] row : table) {
      double start = book.lastEta(0);
      boolean[] ok = tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 1.0);
      assertThat(ok[0]).as("update from start η " + start).isTrue();
      assertRel(book.lastEta(0), row[0], 6e-6, "η");
      assertRel(tr.lastKl()[0], row[1], 2e-5, "KL");
      assertClose(m.mean(0), new double[] {row[2], row[3]}, 1e-7, "μ'");
    }
    assertClose(m.covariance(0), new double[] {1.99893334, 0.49952591, 0.49952591, 0.99988153},
        1e-7, "Σ after iteration 8");
  }

  /** §5.4 item 11: trust region with Stein (SNIS), ε = 0.05, cold start: both get η = e^5. */
  @Test
  void item11ColdStartWithStein() {
    GmmModel m = SpecFixtures.item11Model();
    ComponentBookkeeping book = SpecFixtures.book(2, 0.05);
    NgEstimate e = new SteinNgEstimator().estimate(m, book, SpecFixtures.item11Batch());
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    boolean[] ok = tr.apply(m, book, e, 1.0);
    assertThat(ok).containsExactly(true, true);
    assertThat(book.lastEta(0)).isEqualTo(Math.exp(5));
    assertThat(book.lastEta(1)).isEqualTo(Math.exp(5));
    assertRel(tr.lastKl()[0], 5.1073017e-5, 1e-6, "KL0");
    assertRel(tr.lastKl()[1], 3.9088036e-6, 1e-6, "KL1");
    assertClose(m.mean(0), new double[] {-0.9923801, 0.00425164}, 1e-7, "μ0'");
    assertClose(m.covariance(0), new double[] {0.99346585, 0.19669463, 0.19669463, 0.60011252},
        1e-7, "Σ0'");
    assertClose(m.mean(1), new double[] {0.99909807, 0.50180011}, 1e-7, "μ1'");
    assertClose(m.covariance(1), new double[] {0.69939709, -0.09884636, -0.09884636, 0.90110842},
        1e-7, "Σ1'");
  }

  /** §5.4 item 11: trust region with Stein (SNIS), ε = 0.05, warm start lastEta = 2. */
  @Test
  void item11WarmStartWithStein() {
    GmmModel m = SpecFixtures.item11Model();
    ComponentBookkeeping book = SpecFixtures.book(2, 0.05);
    book.setLastEta(0, 2);
    book.setLastEta(1, 2);
    NgEstimate e = new SteinNgEstimator().estimate(m, book, SpecFixtures.item11Batch());
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    assertThat(tr.apply(m, book, e, 1.0)).containsExactly(true, true);
    assertRel(book.lastEta(0), 3.994547, 1e-6, "η0");
    assertRel(tr.lastKl()[0], 0.048401668, 1e-6, "KL0");
    assertClose(m.mean(0), new double[] {-0.78064508, 0.1363717}, 1e-6, "μ0'");
    assertClose(m.covariance(0), new double[] {0.81046046, 0.0965706, 0.0965706, 0.61849748},
        1e-6, "Σ0'");
    assertRel(book.lastEta(1), 1.4137313, 1e-6, "η1");
    assertRel(tr.lastKl()[1], 0.048970427, 1e-6, "KL1");
    assertClose(m.mean(1), new double[] {0.93593219, 0.70766897}, 1e-6, "μ1'");
    assertClose(m.covariance(1), new double[] {0.65643625, 0.03252216, 0.03252216, 1.06683883},
        1e-6, "Σ1'");
  }

  /** §5.4 item 11: trust region with MORE (SNIS, λ = 1e−12), ε = 0.05, warm start lastEta = 2. */
  @Test
  void item11WarmStartWithMore() {
    GmmModel m = SpecFixtures.item11Model();
    ComponentBookkeeping book = SpecFixtures.book(2, 0.05);
    book.setLastEta(0, 2);
    book.setLastEta(1, 2);
    NgEstimate e = new MoreNgEstimator().estimate(m, book, SpecFixtures.item11Batch());
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    assertThat(tr.apply(m, book, e, 1.0)).containsExactly(true, true);
    assertRel(book.lastEta(0), 4.4832178, 1e-6, "η0");
    assertRel(tr.lastKl()[0], 0.053685174, 1e-6, "KL0");
    assertClose(m.mean(0), new double[] {-0.80549513, 0.12783362}, 1e-6, "μ0'");
    assertRel(book.lastEta(1), 1.5866794, 1e-6, "η1");
    assertRel(tr.lastKl()[1], 0.041714736, 1e-6, "KL1");
    assertClose(m.mean(1), new double[] {0.99343098, 0.55790612}, 1e-6, "μ1'");
  }

  /** The clamp η = max(e^lo, τ): with τ = 3 an inactive warm-start constraint gives η = 3. */
  @Test
  void temperatureClampsEta() {
    GmmModel m = item2Model();
    ComponentBookkeeping book = SpecFixtures.book(1, 10.0);
    book.setLastEta(0, 1.0);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    assertThat(tr.apply(m, book, SpecFixtures.exactGaussianEstimate(m), 3.0)[0]).isTrue();
    assertThat(book.lastEta(0)).isEqualTo(3.0);
    // τ = 1: the inactive constraint stops at hi < 0.19, η in [1.1, 1.21) (§2.4.3 consequences)
    GmmModel m2 = item2Model();
    ComponentBookkeeping b2 = SpecFixtures.book(1, 10.0);
    b2.setLastEta(0, 1.0);
    tr.apply(m2, b2, SpecFixtures.exactGaussianEstimate(m2), 1.0);
    assertThat(b2.lastEta(0)).isBetween(1.1, 1.21);
  }

  /**
   * Diagonal variant: with a diagonal model and a diagonal Rneg the diagonal trust region equals the
   * full one (same η, mean and covariance).
   */
  @Test
  void diagonalEqualsFullForDiagonalRneg() {
    double[] means = {-1, 0.3};
    double[] stds = {1.2, 0.7};
    double[] rdiag = {0.4, -0.3};
    double[] g = {0.5, -0.8};
    for (double last : new double[] {-1, 2.0, 0.5}) {
      GmmModel diag = GmmModel.diagonal(new double[] {0}, means, stds, 2);
      GmmModel full = GmmModel.full(new double[] {0}, means, new double[] {1.2, 0, 0, 0.7}, 2);
      ComponentBookkeeping bd = SpecFixtures.book(1, 0.05);
      ComponentBookkeeping bf = SpecFixtures.book(1, 0.05);
      bd.setLastEta(0, last);
      bf.setLastEta(0, last);
      TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
      boolean okD = tr.apply(diag, bd, new NgEstimate(1, 2, true, rdiag, g), 1.0)[0];
      double klD = tr.lastKl()[0];
      boolean okF = tr.apply(full, bf,
          new NgEstimate(1, 2, false, new double[] {rdiag[0], 0, 0, rdiag[1]}, g), 1.0)[0];
      assertThat(okD).isEqualTo(okF).isTrue();
      assertClose(bd.lastEta(0), bf.lastEta(0), 1e-12, "η");
      assertClose(klD, tr.lastKl()[0], 1e-10, "KL");
      assertClose(diag.mean(0), full.mean(0), 1e-12, "μ'");
      assertClose(diag.covariance(0), full.covariance(0), 1e-12, "Σ'");
    }
  }

  /** Diagonal: a negative Λ_η,i makes the KL NaN, which counts as too large (never accepted). */
  @Test
  void diagonalNegativePrecisionIsRejectedThroughNaN() {
    GmmModel diag = GmmModel.diagonal(new double[] {0}, new double[] {0, 0},
        new double[] {1, 1}, 2);
    NgEstimate e = new NgEstimate(1, 2, true, new double[] {-1e6, 0}, new double[] {0, 0});
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    assertThat(tr.klAt(diag, e, 0, 1.0)).isNaN();
    ComponentBookkeeping b = SpecFixtures.book(1, 0.05);
    b.setLastEta(0, 1.0); // the warm bracket tops out at e^3, where Λ_η is still negative
    double[] before = diag.cholsArray().clone();
    assertThat(tr.apply(diag, b, e, 1.0)[0]).isFalse();
    assertThat(diag.cholsArray()).containsExactly(before);
    assertThat(b.lastEta(0)).isEqualTo(-1.0);
  }

  /**
   * §2.4.3 "Consequences" and §5.6 item 20 on random input: a successful update has KL ≤ 1.1·ε and a
   * positive-definite covariance; a failed one leaves the component bit-identical with lastEta = −1.
   */
  @Test
  void randomUpdatesRespectTheBound() {
    org.gmmvi.core.random.Rng rng = new org.gmmvi.core.random.Rng(99);
    TrustRegionComponentUpdater tr = new TrustRegionComponentUpdater(1e-12);
    int successes = 0;
    for (int t = 0; t < 300; t++) {
      int d = 1 + rng.nextInt(4);
      double[] mu = new double[d];
      double[] l = new double[d * d];
      double[] r = new double[d * d];
      double[] g = new double[d];
      for (int i = 0; i < d; i++) {
        mu[i] = rng.nextGaussian();
        g[i] = 2 * rng.nextGaussian();
        l[i * d + i] = 0.3 + rng.nextDouble();
        for (int j = 0; j < i; j++) {
          l[i * d + j] = 0.5 * rng.nextGaussian();
        }
        for (int j = 0; j <= i; j++) {
          double v = 3 * rng.nextGaussian();
          r[i * d + j] = v;
          r[j * d + i] = v;
        }
      }
      GmmModel m = GmmModel.full(new double[] {0}, mu, l, d);
      ComponentBookkeeping book = SpecFixtures.book(1, Math.exp(-6 + 6 * rng.nextDouble()));
      book.setLastEta(0, rng.nextDouble() < 0.3 ? -1 : Math.exp(4 * rng.nextGaussian()));
      double eps = book.stepsize(0);
      boolean ok = tr.apply(m, book, new NgEstimate(1, d, false, r, g), 1.0)[0];
      if (ok) {
        successes++;
        assertThat(tr.lastKl()[0]).isLessThanOrEqualTo(1.1 * eps);
        assertThat(book.lastEta(0)).isGreaterThanOrEqualTo(1.0);
        double[] c = m.chol(0);
        for (int i = 0; i < d; i++) {
          assertThat(c[i * d + i]).isPositive().isFinite();
        }
      } else {
        assertThat(m.mean(0)).containsExactly(mu);
        assertThat(m.chol(0)).containsExactly(l);
        assertThat(book.lastEta(0)).isEqualTo(-1.0);
      }
    }
    assertThat(successes).isGreaterThan(100);
  }

  /** Shape mismatches are misuse: a clear exception. */
  @Test
  void rejectsMismatchedEstimate() {
    GmmModel m = item2Model();
    NgEstimate e = new NgEstimate(2, 2, false, new double[8], new double[4]);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        new TrustRegionComponentUpdater(1e-12).apply(m, SpecFixtures.book(1, 0.1), e, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K=2");
    double[] unused = slice(new double[2], 0, 1);
    assertThat(unused).hasSize(1);
  }
}
