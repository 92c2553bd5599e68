package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stop reasons, their order, and which of them keep the checkpoint. */
class StopReasonTest {

  private static final RunSettings S = new RunSettings("SAMTRON", 1, BudgetKind.CUSTOM, 1000, 50,
      Duration.ofSeconds(90), Path.of("out"), false, 1, List.of(), 120, 0, true, 0, false, null);

  @Test
  void goesOnBelowEveryLimit() {
    assertThat(StopReason.of(S, 999, 49, 89.9, false, null)).isNull();
  }

  @Test
  void theFirstLimitReachedWinsInTheOrderBudgetIterationsTimeInterruptConvergence() {
    assertThat(StopReason.of(S, 1000, 50, 90, true, "converged"))
        .isEqualTo("target-evaluation budget of 1000 reached");
    assertThat(StopReason.of(S, 0, 50, 90, true, "converged"))
        .isEqualTo("iteration cap of 50 reached");
    assertThat(StopReason.of(S, 0, 0, 90, true, "converged")).startsWith("time limit of ");
    assertThat(StopReason.of(S, 0, 0, 0, true, "converged")).isEqualTo(StopReason.INTERRUPTED);
    assertThat(StopReason.of(S, 0, 0, 0, false, "converged")).isEqualTo("converged");
  }

  @Test
  void onlyTimeLimitsAndInterruptsKeepTheCheckpointUnlessAsked() {
    String time = StopReason.of(S, 0, 0, 90, false, null);
    assertThat(CheckpointSchedule.keeps(false, time)).isTrue();
    assertThat(CheckpointSchedule.keeps(false, StopReason.INTERRUPTED)).isTrue();
    assertThat(CheckpointSchedule.keeps(false, StopReason.of(S, 1000, 0, 0, false, null)))
        .isFalse();
    assertThat(CheckpointSchedule.keeps(false, "converged")).isFalse();
    assertThat(CheckpointSchedule.keeps(true, "converged")).isTrue();
  }

  @Test
  void checkpointsAreDueByIterationsOrByTheStretchedTimeInterval() {
    CheckpointSchedule c = new CheckpointSchedule(120, 5, 0, 10);
    assertThat(c.due(14, 119)).isFalse();
    assertThat(c.due(15, 0)).isTrue();
    assertThat(c.due(11, 120)).isTrue();
    c.written(15, 120, 130); // a 10 s write: the next one by time 200 s later
    assertThat(c.due(19, 329)).isFalse();
    assertThat(c.due(19, 330)).isTrue();
    assertThat(new CheckpointSchedule(120, 0, 0, 0).due(1_000_000, 1)).isFalse();
  }
}
