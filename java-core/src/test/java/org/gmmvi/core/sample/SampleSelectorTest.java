package org.gmmvi.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.config.SampleSelectorConfig;
import org.gmmvi.core.config.SampleSelectorType;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

/** Sample selection (ALGORITHM.md §2.3; oracle §5.5 item 13). */
class SampleSelectorTest {

  /** Evaluates a standard normal target; counts evaluations. */
  static final class Normal implements SampleEvaluator {
    int calls;
    int evaluated;

    @Override
    public int evaluate(double[] x, int n, double[] logP, double[] grad, int[] mapping,
        boolean mayAllBeInvalid) {
      calls++;
      evaluated += n;
      for (int i = 0; i < n; i++) {
        logP[i] = -0.5 * (x[2 * i] * x[2 * i] + x[2 * i + 1] * x[2 * i + 1]);
        if (grad != null) {
          grad[2 * i] = -x[2 * i];
          grad[2 * i + 1] = -x[2 * i + 1];
        }
      }
      return n;
    }

    @Override
    public boolean needsGradients() {
      return true;
    }
  }

  static GmmModel twoComponents() {
    return GmmModel.full(new double[] {Math.log(0.5), Math.log(0.5)},
        new double[] {-1, 0, 1, 0}, new double[] {1, 0, 0, 1, 1, 0, 0, 1}, 2);
  }

  @Test
  void item13EffectiveSampleSize() {
    double[] lw = {0, -1, -2, 0.5};
    assertThat(SampleSelector.effectiveSampleSize(lw, 4)).isEqualTo(2);
    assertThat(Math.max(1, 100 - SampleSelector.effectiveSampleSize(lw, 4))).isEqualTo(98);
    assertThat(SampleSelector.effectiveSampleSize(new double[] {3, 3, 3}, 3)).isEqualTo(3);
    assertThat(SampleSelector.effectiveSampleSize(new double[0], 0)).isZero();
  }

  @Test
  void item13ComponentBasedDrawsDesiredPerComponentOnEmptyDatabaseThenAtLeastOne() {
    GmmModel m = twoComponents();
    SampleDatabase db = new SampleDatabase(2, false, true, 0, true, KernelProvider.get());
    ComponentBasedSampleSelector sel = new ComponentBasedSampleSelector(
        new SampleSelectorConfig(SampleSelectorType.COMPONENT_BASED, 100, 2.0));
    Normal ev = new Normal();
    Rng rng = new Rng(3);
    Selection s1 = sel.select(m, db, ev, rng);
    assertThat(s1.numNewSamples()).isEqualTo(200);
    assertThat(s1.numReused()).isZero();
    assertThat(s1.batch().n()).isEqualTo(200);
    // the model did not move: the reused samples are exactly as good as fresh ones for the
    // background, which is the model itself, so each component has n_eff >= 99 of 200 reused
    Selection s2 = sel.select(m, db, ev, rng);
    assertThat(s2.numReused()).isEqualTo(200);
    assertThat(s2.numNewSamples()).isBetween(2, 20);
    assertThat(s2.batch().n()).isEqualTo(200 + s2.numNewSamples());
    // new samples are grouped by component and stored with the correct background
    for (int i = 0; i < s2.batch().n(); i++) {
      assertThat(Double.isFinite(s2.batch().logQbg()[i])).isTrue();
    }
    assertThat(db.numSamplesWritten()).isEqualTo(ev.evaluated);
  }

  @Test
  void mixtureBasedDrawsDesiredTotalFromTheMixture() {
    GmmModel m = twoComponents();
    SampleDatabase db = new SampleDatabase(2, false, true, 0, true, KernelProvider.get());
    MixtureBasedSampleSelector sel = new MixtureBasedSampleSelector(
        new SampleSelectorConfig(SampleSelectorType.MIXTURE_BASED, 100, 0.0));
    Normal ev = new Normal();
    Rng rng = new Rng(4);
    for (int it = 0; it < 3; it++) {
      Selection s = sel.select(m, db, ev, rng);
      assertThat(s.numNewSamples()).isEqualTo(100);
      assertThat(s.numReused()).isZero();
      // grouped indices (§6 item 9 fixed): the mapping is non-decreasing within the batch
      int[] map = s.batch().mapping();
      for (int i = 1; i < s.batch().n(); i++) {
        assertThat(map[i]).isGreaterThanOrEqualTo(map[i - 1]);
      }
    }
    assertThat(db.size()).isEqualTo(300);
  }
}
