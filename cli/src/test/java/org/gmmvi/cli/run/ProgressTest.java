package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: rate over this process's own time, total elapsed time and ETA of the run. */
class ProgressTest {

  private static Progress progress() {
    return new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        false, 10, "SAMTRON breast_cancer s10000");
  }

  @Test
  void freshRunShowsItsRateAndEta() {
    String line = progress().line(new Progress.Snapshot(176, 189_000, 78.7012, 8, 10.0, 0.25, 176,
        10.0));
    assertThat(line).isEqualTo("SAMTRON breast_cancer s10000 | it 176 | evals 189,000 | -ELBO 78.70"
        + " | K 8 | 17.6 it/s |  25% | elapsed 10s | ETA 30s");
  }

  /**
   * After a resume the elapsed time includes the earlier sessions, but the rate counts only this
   * process: 10 iterations in 20 s is 0.50 it/s, not 10 / 1700 s (a resumed run once showed 0.0).
   */
  @Test
  void resumedRunRateIgnoresTheTimeBeforeTheResume() {
    String line = progress().line(new Progress.Snapshot(1689, 14_475_500, Double.NaN, 68, 1700.0,
        0.5, 10, 20.0));
    assertThat(line).contains("| K 68 | 0.50 it/s |  50% | elapsed 28m20s | ETA 28m20s");
    assertThat(line).contains("-ELBO - |");
  }

  @Test
  void warningsAreShownAlsoWhenQuietWithTheRunPrefix() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 10,
        "SAMTRON gmm20 s10001").quiet(true);
    p.message("resuming");
    p.warning("warning: could not write the plots: disk full");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("SAMTRON gmm20 s10001: warning: could not write the plots: disk full\n");
  }
}
