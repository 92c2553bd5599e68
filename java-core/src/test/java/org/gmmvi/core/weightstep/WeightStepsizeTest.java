package org.gmmvi.core.weightstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.junit.jupiter.api.Test;

/** Weight step sizes (ALGORITHM.md §2.7, SENT effects; rule N's value is checked in WeightUpdaterTest). */
class WeightStepsizeTest {

  static GmmModel model(double... w) {
    double[] means = new double[w.length];
    double[] chols = new double[w.length];
    double[] logw = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      chols[i] = 1;
      logw[i] = Math.log(w[i]);
    }
    return GmmModel.full(logw, means, chols, 1);
  }

  @Test
  void ruleNFirstCallDecreasesThenFollowsTheElbo() {
    GmmModel m = model(0.4, 0.6);
    ComponentBookkeeping book = new ComponentBookkeeping(2, 2, 1, 1e-12);
    ImprovementBasedWeightStepsize n = new ImprovementBasedWeightStepsize(1, 1e-4, 1, 1.15, 0.85);
    assertThat(n.next(m, book)).isEqualTo(0.85);          // SENT: no improvement
    book.storeRewards(new double[] {1, 2});
    assertThat(n.next(m, book)).isCloseTo(0.9775, within(1e-12));   // SENT → finite: up
    book.storeRewards(new double[] {0, 0});
    assertThat(n.next(m, book)).isCloseTo(0.830875, within(1e-12)); // drop: down
  }

  /** §2.7 SENT effect 2: a newly added component (RH = SENT) collapses the ELBO for one call. */
  @Test
  void ruleNAfterAnAddition() {
    GmmModel m = model(0.5, 0.5);
    ComponentBookkeeping book = new ComponentBookkeeping(2, 2, 1, 1e-12);
    ImprovementBasedWeightStepsize n = new ImprovementBasedWeightStepsize(0.5, 1e-4, 1, 1.15, 0.85);
    book.storeRewards(new double[] {1, 1});
    n.next(m, book);
    book.storeRewards(new double[] {1, 1});
    double before = n.next(m, book);
    m.addComponent(Math.log(GmmModel.NEW_COMPONENT_WEIGHT), new double[] {0}, new double[] {1});
    book.addComponent(1, 1e-12, GmmModel.NEW_COMPONENT_WEIGHT);
    assertThat(ImprovementBasedWeightStepsize.elbo(m, book)).isLessThan(-3e9);
    double after = n.next(m, book);
    assertThat(after).isCloseTo(before * 0.85, within(1e-12));
    book.storeRewards(new double[] {1, 1, 0});
    assertThat(n.next(m, book)).isCloseTo(after * 1.15, within(1e-12));
  }

  @Test
  void decayingAndFixedAndStateRoundTrip() {
    DecayingWeightStepsize g = new DecayingWeightStepsize(1, 0.55);
    assertThat(g.next(null, null)).isEqualTo(1);
    assertThat(g.next(null, null)).isEqualTo(0.5);
    double[] st = g.saveState();
    double third = g.next(null, null);
    assertThat(third).isCloseTo(0.4058300414, within(1e-9));
    g.restoreState(st);
    assertThat(g.next(null, null)).isEqualTo(third);
    assertThat(new FixedWeightStepsize(0.3).next(null, null)).isEqualTo(0.3);
  }
}
