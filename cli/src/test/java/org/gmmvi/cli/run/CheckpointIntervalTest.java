package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Time-based checkpoints keep their cost to about 5 % of the run time. */
class CheckpointIntervalTest {

  @Test
  void intervalIsTheConfiguredOneUnlessWritingTakesLonger() {
    assertThat(CheckpointSchedule.timedCheckpointInterval(120, 0.2)).isEqualTo(120);
    // a 2 GB state that takes 15 s to write: every 300 s, so 15 / (300 + 15) < 5 %
    double every = CheckpointSchedule.timedCheckpointInterval(120, 15);
    assertThat(every).isEqualTo(300);
    assertThat(15 / (every + 15)).isLessThan(0.05);
    // --checkpoint-seconds 0 (every iteration) still backs off for slow writes
    assertThat(CheckpointSchedule.timedCheckpointInterval(0, 0.5)).isEqualTo(10);
  }
}
