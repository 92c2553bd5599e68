package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.gmmvi.core.target.RandomizedTarget;
import org.junit.jupiter.api.Test;

/**
 * The streaming form of a state (used for checkpoints of several GB) is byte-identical to
 * {@link OptimizerState#toBytes()}, its size is known before writing, and reading it back (opening
 * the source twice) gives the same state.
 */
class StateStreamingTest {

  @Test
  void streamedStateEqualsTheByteArrayForm() throws IOException {
    RandomizedTarget t = TestTargets.noisy(TestTargets.mixture(MultiModalTest.fourModes()), 5);
    try (GmmviOptimizer opt = SaveRestoreTest.builder(t).build()) {
      for (int i = 0; i < 8; i++) {
        opt.step();
      }
      OptimizerState s = opt.saveState();
      byte[] bytes = s.toBytes();
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      s.writeTo(streamed);
      assertThat(streamed.toByteArray()).isEqualTo(bytes);
      assertThat(s.serializedSize()).isEqualTo(bytes.length);

      int[] opened = new int[1];
      OptimizerState back = OptimizerState.readFrom(() -> {
        opened[0]++;
        return new ByteArrayInputStream(bytes);
      }, bytes.length);
      assertThat(opened[0]).isEqualTo(2); // checksum pass, then parse pass
      assertThat(back.toBytes()).isEqualTo(bytes);

      byte[] flipped = bytes.clone();
      flipped[bytes.length / 2] ^= 1;
      assertThatThrownBy(() -> OptimizerState.readFrom(() -> new ByteArrayInputStream(flipped),
          flipped.length)).isInstanceOf(OptimizerState.InvalidStateException.class)
          .hasMessage("optimizer state is corrupt: checksum mismatch");
      assertThatThrownBy(() -> OptimizerState.readFrom(() -> new ByteArrayInputStream(bytes),
          bytes.length + 100)).isInstanceOf(OptimizerState.InvalidStateException.class)
          .hasMessageContaining("truncated or corrupt");
    }
  }
}
