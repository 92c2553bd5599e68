package org.gmmvi.kernels.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every block runs exactly once; exceptions come back as thrown, after all blocks finished. */
class ParallelBlocksTest {

  @Test
  void runsEveryBlockOnceAndBlockZeroOnTheCaller() {
    AtomicIntegerArray runs = new AtomicIntegerArray(5);
    Thread caller = Thread.currentThread();
    Thread[] ran = new Thread[5];
    ParallelBlocks.run(5, b -> {
      runs.incrementAndGet(b);
      ran[b] = Thread.currentThread();
    });
    for (int b = 0; b < 5; b++) {
      assertThat(runs.get(b)).isEqualTo(1);
    }
    assertThat(ran[0]).isSameAs(caller);
    ParallelBlocks.run(0, b -> {
      throw new AssertionError("no block expected");
    });
  }

  @Test
  void theFirstFailingBlockInOrderIsRethrownAfterAllFinished() {
    AtomicIntegerArray done = new AtomicIntegerArray(4);
    assertThatThrownBy(() -> ParallelBlocks.run(4, b -> {
      done.incrementAndGet(b);
      if (b >= 2) {
        throw new IllegalStateException("block " + b);
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("block 2");
    for (int b = 0; b < 4; b++) {
      assertThat(done.get(b)).isEqualTo(1);
    }
  }
}
