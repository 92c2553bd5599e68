package org.gmmvi.core.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gmmvi.core.testutil.SpecFixtures.assertRel;

import org.gmmvi.core.config.ComponentAdaptationConfig;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.core.sample.SampleEvaluator;
import org.gmmvi.core.testutil.SpecFixtures;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

/** Component adaptation A (ALGORITHM.md §2.2.2; oracles §5.5 items 17–19, §5.6 item 21). */
class VipsComponentAdaptationTest {

  static final double SENT = ComponentBookkeeping.SENT;

  static ComponentAdaptationConfig.Adaptive config(int del, int add, int numPrior) {
    return new ComponentAdaptationConfig.Adaptive(del, add, 1000,
        new double[] {5000, 1000, 500, 200, 100, 50}, 1e-6, 100000, numPrior);
  }

  @Test
  void item17DeletionKernel() {
    double[] k = VipsComponentAdaptation.deletionKernel(100);
    assertThat(k).hasSize(66);
    assertRel(k[0], 9.8673672e-4, 1e-7, "j=-33");
    assertRel(k[33], 0.0321833095, 1e-9, "j=0");
    assertRel(k[65], 1.2148832e-3, 1e-7, "j=32");
    double s = 0;
    for (double v : k) {
      s += v;
    }
    assertThat(s).isCloseTo(1, within(1e-14));
    double[] k10 = VipsComponentAdaptation.deletionKernel(10);
    assertThat(k10).hasSize(6);
    assertRel(k10[0], 0.0183177114, 1e-9, "j=-3");
    assertRel(k10[3], 0.3263167149, 1e-9, "j=0");
    assertRel(k10[5], 0.0907282185, 1e-9, "j=2");
  }

  /** §5.5 item 18 setup: component 0 rewards 0 and weight 1 − 1e−8; component 1 weight 1e−8. */
  static ComponentBookkeeping item18(double[] rewards1) {
    ComponentBookkeeping b = new ComponentBookkeeping(2, 20, 1, 1e-12);
    for (int c = 0; c < 20; c++) {
      b.storeRewards(new double[] {0, rewards1[c]});
      b.storeWeights(new double[] {1 - 1e-8, 1e-8});
    }
    return b;
  }

  static boolean[] bad(ComponentBookkeeping b) {
    return VipsComponentAdaptation.badComponents(b, 2, 10, 1e-6,
        VipsComponentAdaptation.deletionKernel(10));
  }

  @Test
  void item18DeletionDecisions() {
    double[] constant = new double[20];
    java.util.Arrays.fill(constant, -50);
    assertThat(bad(item18(constant))).containsExactly(false, true);
    double[] imp = VipsComponentAdaptation.improvements(item18(constant), 2, 10,
        VipsComponentAdaptation.deletionKernel(10));
    assertThat(imp[0]).isNaN();
    assertThat(imp[1]).isZero();

    double[] lin = new double[20];
    for (int i = 0; i < 20; i++) {
      lin[i] = -100 + 50.0 * i / 19;
    }
    assertThat(bad(item18(lin))).containsExactly(false, true);
    assertThat(VipsComponentAdaptation.improvements(item18(lin), 2, 10,
        VipsComponentAdaptation.deletionKernel(10))[1]).isCloseTo(0.3220098138, within(3e-8));
    // (the spec prints 0.3220098138; a float64 NumPy evaluation of the same formula gives
    // 0.3220098242, so the printed value carries a ~3e-8 relative error)

    double[] last15 = lin.clone();
    java.util.Arrays.fill(last15, 0, 5, SENT);
    assertThat(bad(item18(last15))).containsExactly(false, false);
    assertThat(VipsComponentAdaptation.improvements(item18(last15), 2, 10,
        VipsComponentAdaptation.deletionKernel(10))[1]).isCloseTo(1, within(1e-6));

    double[] last9 = lin.clone();
    java.util.Arrays.fill(last9, 0, 11, SENT);
    assertThat(bad(item18(last9))).containsExactly(false, false);
  }

  @Test
  void item18DeletionRemovesTheComponentAndItsBookkeeping() {
    double[] constant = new double[20];
    java.util.Arrays.fill(constant, -50);
    ComponentBookkeeping b = item18(constant);
    GmmModel m = GmmModel.full(new double[] {Math.log1p(-1e-8), Math.log(1e-8)},
        new double[] {0, 5}, new double[] {1, 1}, 1);
    VipsComponentAdaptation a = new VipsComponentAdaptation(config(10, 1000, 0), null, null, 1,
        1e-12);
    ComponentAdaptation.Result r = a.adapt(11, m, b, null, null, new Rng(1));
    assertThat(r.removed()).isEqualTo(1);
    assertThat(m.numComponents()).isEqualTo(1);
    assertThat(b.size()).isEqualTo(1);
    assertThat(m.logWeight(0)).isZero();
  }

  @Test
  void item19NewComponentCovariance() {
    assertThat(VipsComponentAdaptation.isotropicVarianceForEntropy(2.5, 2))
        .isCloseTo(0.7132829689, within(1e-9));
    GmmModel g = SpecFixtures.item1Gmm();
    assertThat(g.averageEntropy()).isCloseTo(2.6749537854, within(1e-9));
    assertThat(VipsComponentAdaptation.isotropicVarianceForEntropy(g.averageEntropy(), 2))
        .isCloseTo(0.8496563707, within(1e-9));
    double c = VipsComponentAdaptation.isotropicVarianceForEntropy(2.5, 2);
    GmmModel iso = GmmModel.full(new double[] {0}, new double[] {0, 0},
        new double[] {Math.sqrt(c), 0, 0, Math.sqrt(c)}, 2);
    assertThat(iso.componentEntropy(0)).isCloseTo(2.5, within(1e-12));
  }

  /** Addition: threshold counter quirk (§6 item 6), weight 1e−29 (§5.6 item 21), prior samples counted. */
  @Test
  void addNewComponentAtTheBestCandidate() {
    GmmModel m = SpecFixtures.item1Gmm();
    ComponentBookkeeping b = new ComponentBookkeeping(2, 4, 0.3, 1e-12);
    SampleDatabase db = new SampleDatabase(2, false, true, 0, false, KernelProvider.get());
    // candidates: the target is high far away from the model at [10, 10]
    double[] x = {0, 0, 10, 10, 2, 1};
    double[] lp = {-1, -0.5, -1};
    db.add(x, 3, m, lp, null, new int[] {0, 0, 1});
    SampleEvaluator ev = new SampleEvaluator() {
      @Override
      public int evaluate(double[] xs, int n, double[] logP, double[] grad, int[] mapping,
          boolean mayAllBeInvalid) {
        for (int i = 0; i < n; i++) {
          logP[i] = -1e6;
        }
        return n;
      }

      @Override
      public boolean needsGradients() {
        return false;
      }
    };
    VipsComponentAdaptation a = new VipsComponentAdaptation(config(100, 5, 7),
        new double[] {0, 0}, new double[] {1, 1}, 0.3, 1e-12);
    ComponentAdaptation.Result r = a.adapt(5, m, b, db, ev, new Rng(2));
    assertThat(r.added()).isEqualTo(1);
    assertThat(r.priorEvaluations()).isEqualTo(7);
    assertThat(db.numSamplesWritten()).isEqualTo(3 + 7);
    assertThat(m.numComponents()).isEqualTo(3);
    assertThat(b.size()).isEqualTo(3);
    assertThat(m.mean(2)).containsExactly(10, 10);
    assertThat(Math.exp(m.logWeight(2))).isCloseTo(1e-29 / (1 + 1e-29), within(1e-43));
    assertThat(b.weightHistory(2, 0)).isEqualTo(1e-29);
    assertThat(b.reward(2, 3)).isEqualTo(SENT);
    assertThat(b.stepsize(2)).isEqualTo(0.3);
    assertThat(a.saveState()).containsExactly(1);   // first call uses thresholds[1] = 1000
    // the covariance is isotropic with entropy between H̄ and the prior's entropy
    double h = m.componentEntropy(2);
    double hPrior = 0.5 * 2 * (Math.log(2 * Math.PI) + 1);
    assertThat(h).isBetween(Math.min(hPrior, 2.6749537854) - 1e-12,
        Math.max(hPrior, 2.6749537854) + 1e-12);
    double[] cov = m.covariance(2);
    assertThat(cov[1]).isZero();
    assertThat(cov[0]).isEqualTo(cov[3]);
  }

  @Test
  void scoreUsesTheThreshold() {
    // with threshold 0, the score is logP − max(lq) for every candidate: the highest logP wins
    assertThat(VipsComponentAdaptation.bestCandidate(new double[] {1, 3, 2},
        new double[] {-5, 0, -9}, 0)).isEqualTo(1);
    // with a huge threshold, the score is logP − lq: the candidate the model covers worst wins
    assertThat(VipsComponentAdaptation.bestCandidate(new double[] {1, 3, 2},
        new double[] {-5, 0, -9}, 1e9)).isEqualTo(2);
  }
}
