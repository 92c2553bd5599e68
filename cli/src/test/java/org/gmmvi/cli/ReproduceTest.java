package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.gmmvi.cli.report.ReportWriter;
import org.gmmvi.problems.io.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce} on a tiny budget: runs, report, and skipping completed runs on a rerun. */
class ReproduceTest {

  @TempDir
  Path root;

  private CliTestSupport.Result reproduce(int seeds) {
    return CliTestSupport.run("reproduce", "--problems", "gmm20", "--algorithms", "SAMTRON",
        "--seeds", Integer.toString(seeds), "--max-evals", "1500", "--parallel", "2", "--out",
        root.toString());
  }

  @Test
  void rerunSkipsCompletedRuns() throws Exception {
    DataDirectory data = DataDirectory.resolve(null);
    assumeTrue(data.has("targets"), "data directory not found: " + data);
    CliTestSupport.Result first = reproduce(1);
    assertThat(first.code()).as(first.err()).isZero();
    Path run0 = ReportWriter.runDir(root, "gmm20", "SAMTRON", 10000);
    Path run1 = ReportWriter.runDir(root, "gmm20", "SAMTRON", 10001);
    assertThat(run0.resolve("final.json")).exists();
    assertThat(run1).doesNotExist();
    assertThat(Files.readString(root.resolve("report.md"))).contains("| gmm20 | SAMTRON | 1/1 |");
    FileTime t0 = Files.getLastModifiedTime(run0.resolve("final.json"));
    byte[] model0 = Files.readAllBytes(run0.resolve("model.npz"));

    CliTestSupport.Result second = reproduce(2);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(Files.getLastModifiedTime(run0.resolve("final.json"))).isEqualTo(t0);
    assertThat(Files.readAllBytes(run0.resolve("model.npz"))).isEqualTo(model0);
    assertThat(second.err()).contains("1 runs to do, 1 already complete");
    assertThat(run1.resolve("final.json")).exists();
    assertThat(Files.readString(root.resolve("report.md"))).contains("| gmm20 | SAMTRON | 2/2 |");
  }
}
