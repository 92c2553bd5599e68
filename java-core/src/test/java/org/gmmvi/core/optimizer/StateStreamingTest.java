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

  /**
   * Array lengths are checked against the bytes left as a {@code long}: a state body beyond 2 GB
   * (a 14 M-sample database is 4.7 GB) must accept an array of 300 M doubles (2.4 GB), which the
   * saturating {@code available()} of a stream would have rejected. Regression test for a
   * checkpoint of a 28-minute breast_cancer run that could not be resumed.
   */
  @Test
  void arrayLengthsAreCheckedAgainstTheExactRemainingByteCount() throws IOException {
    int n = 300_000_000;
    long body = 4L + 8L * n;
    try (OptimizerStateCodec.StateInput in = new OptimizerStateCodec.StateInput(
        new OptimizerStateCodec.Bounded(lengthThenZeros(n), body))) {
      assertThat(in.remaining()).isEqualTo(body);
      assertThat(OptimizerStateCodec.readLength(in, 8)).isEqualTo(n);
      assertThat(in.remaining()).isEqualTo(8L * n);
    }
    try (OptimizerStateCodec.StateInput in = new OptimizerStateCodec.StateInput(
        new OptimizerStateCodec.Bounded(lengthThenZeros(n), body - 1))) {
      assertThatThrownBy(() -> OptimizerStateCodec.readLength(in, 8))
          .isInstanceOf(OptimizerState.InvalidStateException.class)
          .hasMessage("optimizer state is truncated or corrupt: array length " + n);
    }
  }

  /** A stream of the big-endian int {@code n} followed by zeros, without allocating them. */
  private static java.io.InputStream lengthThenZeros(int n) {
    byte[] head = {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    return new java.io.InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < 4 ? head[pos++] & 0xff : 0;
      }
    };
  }
}
