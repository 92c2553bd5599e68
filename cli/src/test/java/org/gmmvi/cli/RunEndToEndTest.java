package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.MetricsCsv;
import org.gmmvi.cli.run.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gmmvi run} end to end on the cheap 2-D user target of the test class path: every output
 * file, and {@code --resume} after an interruption reproducing the uninterrupted run.
 */
class RunEndToEndTest {

  private static final String TARGET = "org.gmmvi.cli.testing.GaussianTestTarget";

  @TempDir
  Path dir;

  private Path config() throws IOException {
    Path cfg = dir.resolve("small.yml");
    Files.writeString(cfg, """
        gmmvi_runner_config:
          log_metrics_interval: 5
        sample_selector_config:
          desired_samples_per_component: 40
        """);
    return cfg;
  }

  private CliTestSupport.Result run(Path out, int iterations, String... extra) throws IOException {
    List<String> a = new ArrayList<>(List.of("run", "--target-class", TARGET, "--algorithm",
        "SAMTRON", "--config", config().toString(), "--seed", "7", "--threads", "1",
        "--max-iterations", Integer.toString(iterations), "--out", out.toString(), "--quiet"));
    a.addAll(List.of(extra));
    return CliTestSupport.run(a.toArray(String[]::new));
  }

  @Test
  void writesEveryFile() throws IOException {
    Path out = dir.resolve("run");
    CliTestSupport.Result r = run(out, 12);
    assertThat(r.code()).as(r.err()).isZero();
    for (String f : List.of("metrics.csv", "config.yml", "final.json", "model.npz", "model.json",
        "neg_elbo_vs_evals.png", "neg_elbo_vs_time.png", Checkpoint.FILE, "run.json")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    try (var s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    MetricsCsv m = MetricsCsv.read(out.resolve("metrics.csv"));
    // logged at 5, 10 and the final iteration 12
    assertThat(m.column("iteration")).containsExactly(5, 10, 12);
    assertThat(m.header()).startsWith("iteration", "num_samples", "wall_seconds", "neg_elbo",
        "entropy", "num_components");
    Map<String, Object> fin = Json.readObject(out.resolve("final.json"));
    assertThat(fin).containsEntry("status", "completed").containsEntry("codeword", "SAMTRON")
        .containsEntry("seed", 7).containsEntry("iterations", 12).containsKeys("backend",
            "git_revision", "jdk", "threads", "wall_seconds", "final_metrics");
    // the precise -ELBO of the final model (100,000 samples) agrees with the last 2000-sample
    // estimate within the latter's noise (its SE is √50 ≈ 7.1 times larger)
    Map<?, ?> precise = (Map<?, ?>) fin.get("final_evaluation");
    assertThat(precise.get("samples")).isEqualTo(100_000);
    double se = ((Number) precise.get("standard_error")).doubleValue();
    double logged = ((Number) ((Map<?, ?>) fin.get("final_metrics")).get("neg_elbo")).doubleValue();
    assertThat(se).isPositive();
    assertThat(((Number) precise.get("neg_elbo")).doubleValue()).isCloseTo(logged,
        within(6 * 7.1 * se));
    // a resolved config.yml is accepted back by --config
    Path again = dir.resolve("again");
    CliTestSupport.Result r2 = CliTestSupport.run("run", "--target-class", TARGET, "--algorithm",
        "SAMTRON", "--config", out.resolve("config.yml").toString(), "--seed", "7", "--threads",
        "1", "--max-iterations", "12", "--out", again.toString(), "--quiet");
    assertThat(r2.code()).as(r2.err()).isZero();
    assertThat(Files.readAllBytes(again.resolve("model.npz")))
        .isEqualTo(Files.readAllBytes(out.resolve("model.npz")));
  }

  @Test
  void resumeAfterInterruptionGivesTheUninterruptedResult() throws IOException {
    Path whole = dir.resolve("whole");
    assertThat(run(whole, 30).code()).isZero();

    Path parts = dir.resolve("parts");
    assertThat(run(parts, 20, "--checkpoint-every", "10").code()).isZero();
    // Simulate "kill -9" after the checkpoint at 20: rows logged later survive in metrics.csv
    // and final.json is missing.
    Files.delete(parts.resolve("final.json"));
    Files.writeString(parts.resolve("metrics.csv"), Files.readString(parts.resolve("metrics.csv"))
        + "25,1,1,1,1,1,1,1,1,1,0\n");
    CliTestSupport.Result r = run(parts, 30, "--resume");
    assertThat(r.code()).as(r.err()).isZero();

    assertThat(Files.readAllBytes(parts.resolve("model.npz")))
        .isEqualTo(Files.readAllBytes(whole.resolve("model.npz")));
    MetricsCsv a = MetricsCsv.read(whole.resolve("metrics.csv"));
    MetricsCsv b = MetricsCsv.read(parts.resolve("metrics.csv"));
    assertThat(b.column("iteration")).containsExactly(a.column("iteration"));
    assertThat(b.column("neg_elbo")).containsExactly(a.column("neg_elbo"));
    assertThat(b.column("num_samples")).containsExactly(a.column("num_samples"));

    // resuming a finished run changes nothing and keeps its final metrics
    CliTestSupport.Result again = run(parts, 30, "--resume");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(MetricsCsv.read(parts.resolve("metrics.csv")).column("neg_elbo"))
        .containsExactly(a.column("neg_elbo"));
    Map<?, ?> fa = (Map<?, ?>) Json.readObject(whole.resolve("final.json")).get("final_metrics");
    Map<?, ?> fb = (Map<?, ?>) Json.readObject(parts.resolve("final.json")).get("final_metrics");
    assertThat(fb.get("neg_elbo")).isEqualTo(fa.get("neg_elbo"));
    assertThat(Json.readObject(parts.resolve("final.json")).get("final_evaluation"))
        .isEqualTo(Json.readObject(whole.resolve("final.json")).get("final_evaluation"));
  }

  @Test
  void runWithoutResumeRefusesToOverwrite() throws IOException {
    Path out = dir.resolve("once");
    assertThat(run(out, 3).code()).isZero();
    CliTestSupport.Result r = run(out, 3);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("gmmvi: '" + out + "' already holds a run; pass --resume");
  }
}
