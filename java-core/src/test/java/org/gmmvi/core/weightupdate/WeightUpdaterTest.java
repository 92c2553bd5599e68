package org.gmmvi.core.weightupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;
import static org.gmmvi.core.testutil.SpecFixtures.assertRel;

import org.gmmvi.core.componentupdate.TrustRegionComponentUpdater;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.model.LogMath;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.ngestimate.SteinNgEstimator;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.core.testutil.SpecFixtures;
import org.gmmvi.core.weightstep.ImprovementBasedWeightStepsize;
import org.junit.jupiter.api.Test;

/** Weight updates (ALGORITHM.md §2.6; oracles §5.3 items 8–10 and §5.4 item 11, weight-step part). */
class WeightUpdaterTest {

  static final double[] LOGW = {Math.log(0.2), Math.log(0.3), Math.log(0.5)};
  static final double[] ELR = {-1.0, 0.5, 0.2};

  static double[] exp(double[] v) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = Math.exp(v[i]);
    }
    return o;
  }

  @Test
  void item8Direct() {
    assertClose(exp(DirectWeightUpdater.step(LOGW, ELR, 0.1, 1)),
        new double[] {0.1798078162, 0.3133603170, 0.5068318667}, 1e-9, "β=0.1");
    double[] v1 = DirectWeightUpdater.step(LOGW, ELR, 1, 1);
    assertClose(exp(v1), new double[] {0.0624109633, 0.4195597981, 0.5180292386}, 1e-9, "β=1");
    assertRel(TrustRegionWeightUpdater.kl(v1, LOGW), 0.0863983708, 1e-8, "KL β=1");
    assertRel(TrustRegionWeightUpdater.kl(DirectWeightUpdater.step(LOGW, ELR, 0.1, 1), LOGW),
        0.0013950979, 1e-7, "KL β=0.1");
  }

  @Test
  void item8TrustRegionEvaluationCountsAndEta() {
    TrustRegionWeightUpdater.Result r = TrustRegionWeightUpdater.solve(LOGW, ELR, 0.01, 1);
    assertThat(r.evaluations()).isEqualTo(9);
    assertThat(Math.log(r.eta())).isCloseTo(0.87890625, within(1e-12));
    assertRel(r.eta(), 2.4082642264, 1e-9, "η ε=0.01");
    assertRel(r.kl(), 0.0109067299, 1e-7, "KL ε=0.01");
    assertClose(exp(r.logWeights()), new double[] {0.1452562737, 0.3383468046, 0.5163969216},
        1e-9, "w' ε=0.01");

    TrustRegionWeightUpdater.Result r2 = TrustRegionWeightUpdater.solve(LOGW, ELR, 0.001, 1);
    assertThat(r2.evaluations()).isEqualTo(10);
    assertRel(r2.eta(), 10.7300356060, 1e-9, "η ε=0.001");
    assertRel(r2.kl(), 0.0010211330, 1e-7, "KL ε=0.001");
    assertClose(exp(r2.logWeights()), new double[] {0.1826846716, 0.3114078658, 0.5059074626},
        1e-9, "w' ε=0.001");
  }

  @Test
  void item8InactiveTrustRegionIsTheGreedyStep() {
    TrustRegionWeightUpdater.Result r = TrustRegionWeightUpdater.solve(LOGW, ELR, 1.0, 1);
    assertThat(r.eta()).isEqualTo(Math.exp(-22.5));
    assertClose(exp(r.logWeights()), exp(DirectWeightUpdater.step(LOGW, ELR, 1, 1)), 1e-9,
        "inactive = direct β=1");
  }

  @Test
  void item9Floor() {
    double[] logw = {Math.log(1e-25), Math.log1p(-1e-25)};
    double[] v = DirectWeightUpdater.step(logw, new double[] {-100, 0}, 1, 1);
    assertThat(v[0]).isEqualTo(-69.07, within(1e-12));
    assertRel(v[1], -1.0075813841e-30, 1e-6, "log w1");
  }

  /** §5.3 item 10: normalised, floored, and the TR KL within 1.1·ε (or unchanged/greedy). */
  @Test
  void item10InvariantsOnRandomInputs() {
    Rng rng = new Rng(10);
    for (int trial = 0; trial < 500; trial++) {
      int k = 2 + rng.nextInt(6);
      double[] logw = new double[k];
      double[] elr = new double[k];
      for (int o = 0; o < k; o++) {
        logw[o] = 5 * rng.nextGaussian();
        elr[o] = 20 * rng.nextGaussian();
      }
      LogMath.normalizeLog(logw, 0, k);
      for (int o = 0; o < k; o++) {
        logw[o] = Math.max(logw[o], -69.07);
      }
      LogMath.normalizeLog(logw, 0, k);
      double eps = Math.exp(-8 + 8 * rng.nextDouble());
      double[][] results = {DirectWeightUpdater.step(logw, elr, rng.nextDouble() * 2, 1),
          TrustRegionWeightUpdater.solve(logw, elr, eps, 1).logWeights()};
      for (double[] v : results) {
        double s = 0;
        for (double x : v) {
          s += Math.exp(x);
          assertThat(x).isGreaterThanOrEqualTo(-69.07 - 1e-12);
        }
        assertThat(s).isCloseTo(1.0, within(1e-12));
      }
      TrustRegionWeightUpdater.Result r = TrustRegionWeightUpdater.solve(logw, elr, eps, 1);
      boolean unchanged = r.eta() == -1;
      boolean greedy = r.eta() == Math.exp(-22.5);
      assertThat(unchanged || greedy || r.kl() <= 1.1 * eps).as("trial %d", trial).isTrue();
    }
  }

  /** §5.4 item 11, weight-step part: after the cold-start TR component update (Stein, ε = 0.05). */
  @Test
  void item11ExpectedLogRatiosRewardsAndRuleN() {
    GmmModel m = SpecFixtures.item11Model();
    ComponentBookkeeping book = SpecFixtures.book(2, 0.05);
    SampleBatch batch = SpecFixtures.item11Batch();
    NgEstimate e = new SteinNgEstimator().estimate(m, book, batch);
    new TrustRegionComponentUpdater(1e-12).apply(m, book, e, 1.0);

    assertClose(new DirectWeightUpdater(true).expectedLogRatios(m, batch, 1),
        new double[] {1.8824374, 2.01195868}, 1e-7, "elr SNIS");
    assertClose(new DirectWeightUpdater(false).expectedLogRatios(m, batch, 1),
        new double[] {2.0914737, 1.79252225}, 1e-7, "elr standard IW");

    GmmModel direct = m.copy();
    new DirectWeightUpdater(true).update(direct, SpecFixtures.book(2, 0.05), batch, 1.0, 1.0);
    new TrustRegionWeightUpdater(true).update(m, book, batch, 0.01, 1.0);
    assertClose(new double[] {book.lastReward(0), book.lastReward(1)},
        new double[] {0.96614667, 1.50113306}, 1e-7, "rewards");
    assertClose(m.weights(), new double[] {0.3693546445, 0.6306453555}, 1e-9, "w' TR inactive");
    assertClose(m.weights(), direct.weights(), 1e-9, "TR inactive = Direct β=1");
    assertClose(new double[] {book.weightHistory(0, 1), book.weightHistory(1, 1)}, m.weights(),
        0, "weight history appended");
    assertClose(ImprovementBasedWeightStepsize.elbo(m, book), 1.9621446689, 1e-8, "rule N elbo");
  }

  @Test
  void singleComponentStoresRewardsButKeepsTheWeight() {
    GmmModel m = SpecFixtures.single(new double[] {0, 0}, new double[] {1, 0, 0, 1});
    ComponentBookkeeping book = new ComponentBookkeeping(1, 4, 0.1, 1e-12);
    SampleBatch b = SpecFixtures.item11Batch();
    SampleBatch own = new SampleBatch(b.n(), 2, b.x(), b.mapping(), m.logDensity(b.x(), b.n()),
        b.logP(), b.gradLogP());
    new TrustRegionWeightUpdater(true).update(m, book, own, 0.01, 1.0);
    assertThat(book.lastReward(0)).isNotEqualTo(ComponentBookkeeping.SENT);
    assertThat(book.weightHistory(0, 3)).isEqualTo(ComponentBookkeeping.SENT);
    assertThat(m.logWeight(0)).isZero();
  }
}
