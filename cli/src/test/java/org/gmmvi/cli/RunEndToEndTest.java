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
        "neg_elbo_vs_evals.png", "neg_elbo_vs_time.png", "run.json")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    // a completed run deletes its checkpoint (issue 12.8)
    assertThat(out.resolve(Checkpoint.FILE)).doesNotExist();
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
    assertThat(run(parts, 20, "--checkpoint-every", "10", "--keep-checkpoint").code()).isZero();
    // Simulate "kill -9" after the checkpoint at 20: rows logged later survive in metrics.csv
    // and final.json is missing.
    Files.delete(parts.resolve("final.json"));
    Files.writeString(parts.resolve("metrics.csv"), Files.readString(parts.resolve("metrics.csv"))
        + "25,1,1,1,1,1,1,1,1,1,0\n");
    CliTestSupport.Result r = run(parts, 30, "--resume", "--keep-checkpoint");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("gmmvi: --resume: iteration cap changed from 20 (recorded) to 30");

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

  /** Issue 12.8: the checkpoint is deleted once a run completes, unless --keep-checkpoint. */
  @Test
  void completedRunsDeleteTheirCheckpointUnlessKept() throws IOException {
    Path kept = dir.resolve("kept");
    assertThat(run(kept, 6, "--keep-checkpoint").code()).isZero();
    assertThat(kept.resolve(Checkpoint.FILE)).isNotEmptyFile();
    Path gone = dir.resolve("gone");
    assertThat(run(gone, 6, "--checkpoint-every", "2").code()).isZero();
    assertThat(gone.resolve(Checkpoint.FILE)).doesNotExist();
    CliTestSupport.Result r = run(gone, 10, "--resume");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("gmmvi: --resume: the run in '" + gone + "' completed and its"
        + " checkpoint was deleted");
    // the model does not depend on whether the checkpoint is kept
    assertThat(Files.readAllBytes(gone.resolve("model.npz")))
        .isEqualTo(Files.readAllBytes(kept.resolve("model.npz")));
  }

  /**
   * Issue 12.3: --resume continues with the run's recorded budget and limits; an option that
   * changes one is reported. (It used to fall back to the full budget: 1,000,000 evaluations
   * here, 25 M on breast_cancer.)
   */
  @Test
  void resumeKeepsTheRecordedBudgetUnlessOverridden() throws IOException {
    Path out = dir.resolve("smoke");
    assertThat(run(out, 10, "--budget", "smoke", "--keep-checkpoint").code()).isZero();
    CliTestSupport.Result more = run(out, 20, "--resume", "--keep-checkpoint");
    assertThat(more.code()).as(more.err()).isZero();
    assertThat(more.err()).contains("iteration cap changed from 10 (recorded) to 20")
        .doesNotContain("budget changed");
    Map<String, Object> fin = Json.readObject(out.resolve("final.json"));
    assertThat(fin).containsEntry("budget", "smoke").containsEntry("max_target_evaluations",
        (int) org.gmmvi.cli.run.UserTargetProblem.SMOKE_BUDGET).containsEntry("iterations", 20);

    // no limit options at all: the recorded cap of 20 applies, nothing more is done
    CliTestSupport.Result same = CliTestSupport.run("run", "--target-class", TARGET,
        "--algorithm", "SAMTRON", "--config", config().toString(), "--seed", "7", "--threads", "1",
        "--out", out.toString(), "--quiet", "--resume", "--keep-checkpoint");
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.err()).doesNotContain("changed from");
    assertThat(Json.readObject(out.resolve("final.json"))).containsEntry("iterations", 20)
        .containsEntry("budget", "smoke").containsEntry("max_iterations", 20);

    CliTestSupport.Result timed = run(out, 20, "--resume", "--keep-checkpoint", "--time-limit",
        "1h");
    assertThat(timed.err()).contains("gmmvi: --resume: time limit changed from none (recorded)"
        + " to 1h00m00s");
    CliTestSupport.Result kept = run(out, 20, "--resume", "--keep-checkpoint");
    assertThat(kept.err()).contains("gmmvi: --resume: the run's time limit of 1h00m00s applies");
    CliTestSupport.Result full = run(out, 20, "--resume", "--budget", "full");
    assertThat(full.code()).as(full.err()).isZero();
    assertThat(full.err()).contains("gmmvi: --resume: target-evaluation budget changed from"
        + " 50,000 (smoke, recorded) to 1,000,000 (full)");
  }

  /** Issue 12.4: the opt-in convergence stop ends a run on a target it has fitted. */
  @Test
  void stopWhenConvergedEndsAFittedRun() throws IOException {
    Path out = dir.resolve("converged");
    CliTestSupport.Result r = run(out, 5000, "--stop-when-converged", "--final-samples", "0");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Object> fin = Json.readObject(out.resolve("final.json"));
    assertThat((String) fin.get("stop_reason")).startsWith("converged: the -ELBO estimate"
        + " changed by");
    assertThat(((Number) fin.get("iterations")).intValue()).isLessThan(5000);
    assertThat(fin.get("stop_when_converged")).isEqualTo(Map.of("window", 10, "tolerance", 1.0));
  }
}
