package org.gmmvi.core.componentstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.junit.jupiter.api.Test;

/** Component step sizes (ALGORITHM.md §2.5; oracles §5.5 items 15 and 16). */
class ComponentStepsizeTest {

  /** §5.5 item 15: rule R with rewards 1.0, 2.0, 1.5, 1.6, 1.6 stored after iterations 1–5. */
  @Test
  void item15RuleRSequence() {
    ComponentBookkeeping book = new ComponentBookkeeping(1, 2, 1.0, 1e-12);
    ImprovementBasedComponentStepsize r = new ImprovementBasedComponentStepsize(1.0, 0.001, 1.0,
        1.15, 0.85);
    double[] rewards = {1.0, 2.0, 1.5, 1.6, 1.6};
    double[] expected = {0.85, 0.9775, 1.0, 0.85, 0.9775, 0.830875};
    for (int it = 0; it < 6; it++) {
      r.updateStepsizes(book);
      assertThat(book.stepsize(0)).as("iteration %d", it + 1).isCloseTo(expected[it],
          within(1e-12));
      if (it < 5) {
        book.storeRewards(new double[] {rewards[it]});
      }
    }
  }

  @Test
  void ruleRRespectsBounds() {
    ComponentBookkeeping book = new ComponentBookkeeping(1, 2, 0.0011, 1e-12);
    ImprovementBasedComponentStepsize r = new ImprovementBasedComponentStepsize(0.0011, 0.001,
        1.0, 1.15, 0.85);
    r.updateStepsizes(book);
    assertThat(book.stepsize(0)).isEqualTo(0.001);
  }

  /** §5.5 item 16: decay with initial 1 and exponent 0.55. */
  @Test
  void item16Decay() {
    DecayingComponentStepsize dec = new DecayingComponentStepsize(1, 0.55);
    double[] n = {0, 1, 2, 10, 100};
    double[] expected = {1, 0.5, 0.4058300414, 0.2198703960, 0.0735875561};
    ComponentBookkeeping book = new ComponentBookkeeping(5, 2, 1, 1e-12);
    for (int i = 0; i < 5; i++) {
      book.setNumUpdates(i, n[i]);
    }
    dec.updateStepsizes(book);
    for (int i = 0; i < 5; i++) {
      assertThat(book.stepsize(i)).isCloseTo(expected[i], within(1e-9));
    }
  }

  @Test
  void fixedKeepsTheInitialStepsize() {
    ComponentBookkeeping book = new ComponentBookkeeping(2, 2, 1e-5, 1e-12);
    book.setStepsize(1, 3);
    new FixedComponentStepsize(1e-5).updateStepsizes(book);
    assertThat(book.stepsizes()).containsExactly(1e-5, 1e-5);
  }
}
