package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.optimizer.IterationRecord;
import org.junit.jupiter.api.Test;

/** The "cannot progress" warning of docs/RELIABILITY.md §4. */
class StallDetectorTest {

  private static IterationRecord record(int iteration, int k, int failed, int added) {
    return new IterationRecord(iteration, 0, k, new double[k], 0, 0, 0, 0, added, 0, failed, 0, 0,
        0, 0, 0);
  }

  @Test
  void warnsAfterTwentyIterationsWithEveryUpdateFailedAndResetsOnSuccess() {
    StallDetector s = new StallDetector();
    for (int i = 1; i < StallDetector.LIMIT; i++) {
      assertThat(s.observe(record(i, 3, 3, 0))).isNull();
    }
    assertThat(s.observe(record(20, 3, 3, 0))).isEqualTo("warning: every component update failed"
        + " in the last 20 iterations (up to iteration 20): the optimizer is not making progress;"
        + " check the target's scale and the initial model");
    assertThat(s.observe(record(21, 3, 2, 0))).isNull(); // one update succeeded: reset
    for (int i = 22; i < 22 + StallDetector.LIMIT - 1; i++) {
      assertThat(s.observe(record(i, 3, 3, 0))).isNull();
    }
    assertThat(s.observe(record(41, 3, 3, 0))).startsWith("warning: every component update failed"
        + " in the last 20 iterations (up to iteration 41)");
  }

  @Test
  void aComponentAddedAfterTheUpdatesDoesNotHideAStall() {
    StallDetector s = new StallDetector();
    String last = null;
    for (int i = 1; i <= StallDetector.LIMIT; i++) {
      last = s.observe(record(i, 4, 3, 1)); // 3 updated components all failed, then one added
    }
    assertThat(last).startsWith("warning: every component update failed in the last 20");
  }
}
