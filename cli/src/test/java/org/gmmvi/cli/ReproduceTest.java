package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.gmmvi.cli.report.ReportWriter;
import org.gmmvi.cli.testing.GaussianTestProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce} on a registered 2-D test problem: runs, report, and skipping completed runs on
 * a rerun.
 */
class ReproduceTest {

  private static final String P = GaussianTestProblem.NAME;

  @TempDir
  Path root;

  @BeforeAll
  static void registerProblem() {
    GaussianTestProblem.register();
  }

  private CliTestSupport.Result reproduce(int seeds) {
    return CliTestSupport.run("reproduce", "--problems", P, "--algorithms", "SAMTRON",
        "--seeds", Integer.toString(seeds), "--budget", "smoke", "--parallel", "2", "--out",
        root.toString());
  }

  @Test
  void rerunSkipsCompletedRuns() throws Exception {
    CliTestSupport.Result first = reproduce(1);
    assertThat(first.code()).as(first.err()).isZero();
    Path run0 = ReportWriter.runDir(root, P, "SAMTRON", 10000);
    Path run1 = ReportWriter.runDir(root, P, "SAMTRON", 10001);
    assertThat(run0.resolve("final.json")).exists();
    assertThat(run1).doesNotExist();
    String md = Files.readString(root.resolve("report.md"));
    assertThat(md).contains("| " + P + " | SAMTRON | 1/1 |").contains("| mean_x0 |");
    assertThat(root.resolve("curves_" + P + ".png")).isNotEmptyFile();
    FileTime t0 = Files.getLastModifiedTime(run0.resolve("final.json"));
    byte[] model0 = Files.readAllBytes(run0.resolve("model.npz"));

    CliTestSupport.Result second = reproduce(2);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.err()).contains("1 runs to do, 1 already complete");
    assertThat(Files.getLastModifiedTime(run0.resolve("final.json"))).isEqualTo(t0);
    assertThat(Files.readAllBytes(run0.resolve("model.npz"))).isEqualTo(model0);
    assertThat(run1.resolve("final.json")).exists();
    assertThat(Files.readString(root.resolve("report.md")))
        .contains("| " + P + " | SAMTRON | 2/2 |");
  }
}
