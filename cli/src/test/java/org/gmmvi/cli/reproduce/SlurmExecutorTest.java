package org.gmmvi.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batch scripts and the parsing of squeue/sacct output, without a SLURM (see ci/). */
class SlurmExecutorTest {

  private static RunTask task(long seed) {
    return new RunTask("gmm20", "SAMTRON", seed, Path.of("/grid/runs/gmm20/SAMTRON/seed" + seed),
        "paper", Long.MAX_VALUE, 1_000_000, 1800, 4, 1L << 30);
  }

  @Test
  void scriptRunsOneTaskPerArrayIndexWithTheCellsResources() {
    SlurmExecutor ex = new SlurmExecutor(new SlurmExecutor.Options("short", "proj", null, null,
        null), Map.of());
    String s = ex.script(List.of(task(10000), task(10001), task(10002)),
        Path.of("/grid/slurm/gmm20-SAMTRON-1.json"), Path.of("/grid/slurm/logs"),
        Duration.ofMinutes(45));
    assertThat(s).startsWith("#!/bin/bash\n")
        .contains("#SBATCH --array=0-2\n")
        .contains("#SBATCH --cpus-per-task=4\n")
        .contains("#SBATCH --time=0-00:45:00\n")
        .contains("#SBATCH --mem=" + (long) Math.ceil(((1L << 30)
            + ResourceEstimate.NON_HEAP_BYTES) * 1.1 / (1 << 20)) + "M\n")
        .contains("#SBATCH --partition=short\n").contains("#SBATCH --account=proj\n")
        .contains("#SBATCH --output=/grid/slurm/logs/gmm20-SAMTRON-%A_%a.out\n")
        .contains("'-Xmx1024m'")
        .contains("'" + ChildJvm.java() + "'")
        .contains("'reproduce' 'task' '--tasks' '/grid/slurm/gmm20-SAMTRON-1.json' '--index'"
            + " \"$SLURM_ARRAY_TASK_ID\"\n");
  }

  @Test
  void memoryAndTimeOptionsOverrideTheEstimate() {
    SlurmExecutor ex = new SlurmExecutor(new SlurmExecutor.Options(null, null,
        Duration.ofHours(2), null, 8L << 30), Map.of());
    String s = ex.script(List.of(task(10000)), Path.of("/t.json"), Path.of("/logs"),
        Duration.ofMinutes(45));
    assertThat(s).contains("#SBATCH --mem=8192M\n").contains("#SBATCH --time=0-02:00:00\n")
        .contains("'-Xmx1024m'").doesNotContain("--partition");
  }

  @Test
  void defaultTimeFollowsThePaperLimitOrTheBudgetShare() {
    PaperBudget gmm20 = new PaperBudget(Duration.ofMinutes(30), 4, "30 min, 4 cores");
    assertThat(SlurmExecutor.defaultTime(gmm20, true, 1)).isEqualTo(Duration.ofMinutes(45));
    assertThat(SlurmExecutor.defaultTime(gmm20, false, 1)).isEqualTo(Duration.ofHours(1));
    assertThat(SlurmExecutor.defaultTime(gmm20, false, 0.01)).isEqualTo(Duration.ofMinutes(15));
    assertThat(SlurmExecutor.defaultTime(null, false, 1)).isEqualTo(Duration.ofHours(24));
    assertThat(SlurmExecutor.slurmTime(Duration.ofHours(26).plusSeconds(61)))
        .isEqualTo("1-02:01:01");
  }

  @Test
  void parsesSqueueAndSacctLines() {
    Map<String, String> st = new LinkedHashMap<>();
    SlurmExecutor.parse("12_0|COMPLETED\n12_1|CANCELLED by 0\n12|FAILED\n", st);
    SlurmExecutor.parse("12_1|PENDING\n", st);
    assertThat(st).containsExactly(Map.entry("12_0", "COMPLETED"), Map.entry("12_1", "PENDING"));
    assertThat(new SlurmExecutor.SlurmState("12_1", "PENDING").active()).isTrue();
    assertThat(new SlurmExecutor.SlurmState("12_1", "CANCELLED").active()).isFalse();
  }
}
