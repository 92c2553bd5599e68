package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors: one message on stderr, exit code 2, no stack trace. */
class CliErrorsTest {

  @TempDir
  Path dir;

  private static void assertUsageError(CliTestSupport.Result r, String firstLine) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElse("")).isEqualTo(firstLine);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void unknownCodewordLetter() {
    CliTestSupport.Result r = CliTestSupport.run("run", "--problem", "gmm20", "--algorithm",
        "SAMTRQN", "--out", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("gmmvi: codeword 'SAMTRQN': letter 'Q' at ");
    assertThat(r.err()).contains("allowed letters").doesNotContain("\tat ");
  }

  @Test
  void unknownProblemWithSuggestion() {
    CliTestSupport.Result r = CliTestSupport.run("run", "--problem", "gmm21", "--algorithm",
        "SAMTRON", "--out", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("gmmvi: unknown problem 'gmm21' (did you mean 'gmm20'?);"
        + " valid names: ");
  }

  @Test
  void reproduceNeedsOut() {
    assertUsageError(CliTestSupport.run("reproduce", "--problems", "gmm20"),
        "gmmvi: reproduce needs --out DIR (the directory that holds the runs and the report),"
            + " or --status DIR / --report DIR");
  }

  @Test
  void badTimeLimit() {
    assertUsageError(CliTestSupport.run("run", "--target-class",
        "org.gmmvi.cli.testing.GaussianTestTarget", "--algorithm", "SAMTRON", "--time-limit",
        "10x", "--out", dir.resolve("x").toString()),
        "gmmvi: invalid --time-limit '10x': expected a positive duration such as 90s, 10m, 2h or"
            + " 1h30m");
  }

  @Test
  void unknownOption() {
    CliTestSupport.Result r = CliTestSupport.run("run", "--problme", "gmm20");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("gmmvi: Unknown options: '--problme', 'gmm20'\n"
        + "(see './gmmvi run --help')");
  }

  @Test
  void resumeWithoutCheckpoint() {
    Path out = dir.resolve("empty");
    assertUsageError(CliTestSupport.run("run", "--target-class",
        "org.gmmvi.cli.testing.GaussianTestTarget", "--algorithm", "SAMTRON", "--resume",
        "--out", out.toString()),
        "gmmvi: --resume: no checkpoint in '" + out
            + "' (nothing to resume; start the run without --resume)");
  }

  @Test
  void userTargetErrors() {
    assertUsageError(CliTestSupport.run("run", "--target-class", "com.example.Missing",
        "--algorithm", "SAMTRON", "--out", dir.resolve("x").toString()),
        "gmmvi: user target class 'com.example.Missing' not found on the runner's class path");
    assertUsageError(CliTestSupport.run("run", "--target-class",
        "org.gmmvi.cli.testing.NotATarget", "--algorithm", "SAMTRON", "--out",
        dir.resolve("x").toString()),
        "gmmvi: class 'org.gmmvi.cli.testing.NotATarget' does not implement"
            + " org.gmmvi.core.target.Target");
  }

  @Test
  void configDisagreeingWithTheTargetDimension() throws Exception {
    Path cfg = dir.resolve("bad.yml");
    Files.writeString(cfg, "model_initialization:\n  prior_mean: [0, 0, 0]\n");
    CliTestSupport.Result r = CliTestSupport.run("run", "--target-class",
        "org.gmmvi.cli.testing.GaussianTestTarget", "--algorithm", "SAMTRON", "--config",
        cfg.toString(), "--out", dir.resolve("x").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("prior_mean has 3 entries").contains("dimension 2")
        .doesNotContain("\tat ");
  }

  @Test
  void unreadableConfig() {
    Path missing = dir.resolve("nope.yml");
    assertUsageError(CliTestSupport.run("run", "--problem", "gmm20", "--algorithm", "SAMTRON",
        "--config", missing.toString(), "--out", dir.resolve("x").toString()),
        "gmmvi: cannot read config file '" + missing + "': no such file");
  }

  @Test
  void missingData() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nodata"));
    CliTestSupport.Result r = CliTestSupport.run("run", "--problem", "breast_cancer",
        "--algorithm", "SAMTRON", "--data-dir", empty.toString(), "--out",
        dir.resolve("x").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("gmmvi: data file '").contains("not found: tried " + empty)
        .doesNotContain("\tat ");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void listTopics() {
    CliTestSupport.Result r = CliTestSupport.run("list", "codewords");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("1. NgEstimator").contains("SAMTRON");
    assertUsageError(CliTestSupport.run("list", "colours"),
        "gmmvi: list: unknown topic 'colours'; choose codewords, problems or backends");
  }
}
