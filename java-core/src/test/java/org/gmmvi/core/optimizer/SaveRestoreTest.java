package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.target.RandomizedTarget;
import org.junit.jupiter.api.Test;

/** Checkpoints: save, serialise, resume, and continue bit-identically; corrupt input is refused. */
class SaveRestoreTest {

  static final String YAML = MultiModalTest.YAML;
  static final String PRIOR = "num_component_adapter_config: {num_prior_samples: 5}\n";

  static GmmviOptimizer.Builder builder(RandomizedTarget t) {
    return GmmviOptimizer.builder().codeword("SAMTRON").yaml(YAML).yaml(PRIOR).target(t).seed(21)
        .threads(1);
  }

  @Test
  void resumedRunContinuesBitIdentically() {
    RandomizedTarget t1 = TestTargets.noisy(TestTargets.mixture(MultiModalTest.fourModes()), 5);
    byte[] bytes;
    GmmModel expected;
    ComponentBookkeeping expectedBook;
    IterationRecord expectedLast;
    try (GmmviOptimizer a = builder(t1).build()) {
      for (int i = 0; i < 10; i++) {
        a.step();
      }
      bytes = a.saveState().toBytes();
      IterationRecord r = null;
      for (int i = 0; i < 10; i++) {
        r = a.step();
      }
      expected = a.model().copy();
      expectedBook = a.bookkeeping().copy();
      expectedLast = r;
    }
    // a fresh target with a different generator state: the checkpoint restores it
    RandomizedTarget t2 = TestTargets.noisy(TestTargets.mixture(MultiModalTest.fourModes()), 77);
    OptimizerState s = OptimizerState.fromBytes(bytes);
    assertThat(s.codeword()).isEqualTo("SAMTRON");
    assertThat(s.iteration()).isEqualTo(10);
    try (GmmviOptimizer b = builder(t2).resume(s).build()) {
      assertThat(b.iteration()).isEqualTo(10);
      IterationRecord r = null;
      for (int i = 0; i < 10; i++) {
        r = b.step();
      }
      GmmModel got = b.model();
      assertThat(got.numComponents()).isEqualTo(expected.numComponents());
      int k = got.numComponents();
      assertThat(Arrays.copyOf(got.logWeightsArray(), k)).containsExactly(expected.logWeights());
      assertThat(Arrays.copyOf(got.meansArray(), 2 * k)).containsExactly(
          Arrays.copyOf(expected.meansArray(), 2 * k));
      assertThat(Arrays.copyOf(got.cholsArray(), 4 * k)).containsExactly(
          Arrays.copyOf(expected.cholsArray(), 4 * k));
      int lh = expectedBook.historyLength();
      assertThat(Arrays.copyOf(b.bookkeeping().rewardHistoryArray(), k * lh)).containsExactly(
          Arrays.copyOf(expectedBook.rewardHistoryArray(), k * lh));
      assertThat(b.bookkeeping().stepsizes()).containsExactly(expectedBook.stepsizes());
      assertThat(r.targetEvaluations()).isEqualTo(expectedLast.targetEvaluations());
      assertThat(r.weightStepsize()).isEqualTo(expectedLast.weightStepsize());
      assertThat(b.saveState().toBytes()).isNotEmpty();
    }
  }

  @Test
  void corruptOrIncompatibleStatesAreRefused() {
    RandomizedTarget t = TestTargets.noisy(TestTargets.mixture(MultiModalTest.fourModes()), 5);
    byte[] bytes;
    try (GmmviOptimizer a = builder(t).build()) {
      a.step();
      bytes = a.saveState().toBytes();
    }
    byte[] flipped = bytes.clone();
    flipped[flipped.length / 2] ^= 0x10;
    assertThatThrownBy(() -> OptimizerState.fromBytes(flipped))
        .isInstanceOf(OptimizerState.InvalidStateException.class).hasMessageContaining("checksum");
    assertThatThrownBy(() -> OptimizerState.fromBytes(Arrays.copyOf(bytes, bytes.length / 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OptimizerState.fromBytes("hello world, not a state".getBytes()))
        .hasMessageContaining("does not start with \"GMMVISTA\"");
    byte[] version = bytes.clone();
    version[11] = 9;
    assertThatThrownBy(() -> OptimizerState.fromBytes(version))
        .hasMessageContaining("format version 9 is not supported");
    OptimizerState s = OptimizerState.fromBytes(bytes);
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SAMTRUX").yaml(YAML).yaml(PRIOR).target(t)
        .resume(s).build()).isInstanceOf(OptimizerState.InvalidStateException.class)
        .hasMessageContaining("codeword is SAMTRON, but this optimizer's is SAMTRUX");
    assertThatThrownBy(() -> builder(t).yaml("temperature: 0.5").resume(s).build())
        .hasMessageContaining("config fingerprint");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SAMTRON").yaml(YAML).yaml(PRIOR)
        .target(TestTargets.mixture(MultiModalTest.fourModes())).resume(s).build())
        .hasMessageContaining("randomized target");
  }
}
