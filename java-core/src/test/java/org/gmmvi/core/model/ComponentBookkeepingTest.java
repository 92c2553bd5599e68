package org.gmmvi.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComponentBookkeepingTest {

  /** §1.4 initial values and §5.6 item 21: every array keeps length K through add/remove. */
  @Test
  void initialValuesAndAddRemove() {
    ComponentBookkeeping b = new ComponentBookkeeping(2, 4, 0.5, 1e-12);
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.lastEta(1)).isEqualTo(-1.0);
    assertThat(b.numUpdates(0)).isZero();
    assertThat(b.l2reg(0)).isEqualTo(1e-12);
    assertThat(b.reward(1, 3)).isEqualTo(ComponentBookkeeping.SENT);
    assertThat(b.weightHistory(0, 0)).isEqualTo(ComponentBookkeeping.SENT);
    b.addComponent(0.5, 1e-12, GmmModel.NEW_COMPONENT_WEIGHT);
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.weightHistory(2, 0)).isEqualTo(1e-29);
    assertThat(b.uniqueId(2)).isEqualTo(2);
    b.storeRewards(new double[] {1, 2, 3});
    assertThat(b.lastReward(2)).isEqualTo(3.0);
    assertThat(b.reward(2, 2)).isEqualTo(ComponentBookkeeping.SENT);
    b.setLastEta(1, 7.0);
    b.removeComponent(0);
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.lastEta(0)).isEqualTo(7.0);
    assertThat(b.lastReward(1)).isEqualTo(3.0);
    assertThat(b.stepsizes()).hasSize(2);
    b.addComponent(0.5, 1e-12, GmmModel.NEW_COMPONENT_WEIGHT);
    assertThat(b.uniqueId(2)).isEqualTo(3);
  }
}
