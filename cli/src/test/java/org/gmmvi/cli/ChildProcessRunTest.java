package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.report.ReportWriter;
import org.gmmvi.cli.reproduce.Executor;
import org.gmmvi.cli.reproduce.LocalProcessExecutor;
import org.gmmvi.cli.reproduce.RunTask;
import org.gmmvi.cli.testing.GaussianTestProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local executor runs every run in a child JVM; a run there must write the same numbers as
 * {@code gmmvi run} with the same arguments in this JVM (metrics except wall-clock, model files,
 * the precise final −ELBO), and a child killed with SIGKILL must be restarted and complete with
 * the same result.
 */
class ChildProcessRunTest {

  @TempDir
  Path dir;

  @BeforeAll
  static void registerProblem() {
    GaussianTestProblem.register();
  }

  @Test
  void childJvmRunIsBitIdenticalToGmmviRun() throws IOException {
    Path inJvm = dir.resolve("run");
    CliTestSupport.Result a = CliTestSupport.run("run", "--problem", "gmm20", "--algorithm",
        "SAMTRON", "--seed", "10000", "--max-evals", "4000", "--out", inJvm.toString(),
        "--quiet");
    assertThat(a.code()).as(a.err()).isZero();
    Path root = dir.resolve("grid");
    CliTestSupport.Result b = CliTestSupport.run("reproduce", "--problems", "gmm20",
        "--algorithms", "SAMTRON", "--seeds", "1", "--max-evals", "4000", "--parallel", "1",
        "--out", root.toString());
    assertThat(b.code()).as(b.err()).isZero();
    Path child = ReportWriter.runDir(root, "gmm20", "SAMTRON", 10000);
    String log = Files.readString(child.resolve("runner.log"));
    assertThat(log).contains("gmmvi task 0 of").doesNotContain("(pid "
        + ProcessHandle.current().pid() + ",");
    assertSameResults(inJvm, child);
  }

  @Test
  void childKilledBySigkillIsRestartedAndCompletes() throws Exception {
    Path ref = dir.resolve("ref");
    CliTestSupport.Result a = CliTestSupport.run("run", "--problem", GaussianTestProblem.NAME,
        "--algorithm", "SAMTRON", "--seed", "10000", "--budget", "full", "--out",
        ref.toString(), "--quiet");
    assertThat(a.code()).as(a.err()).isZero();
    Path root = dir.resolve("grid");
    Path run = ReportWriter.runDir(root, GaussianTestProblem.NAME, "SAMTRON", 10000);
    RunTask t = new RunTask(GaussianTestProblem.NAME, "SAMTRON", 10000, run.toAbsolutePath(),
        "full", 3000, 1_000_000, 0, 1, 256L << 20);
    StringWriter log = new StringWriter();
    ExecutorService coordinator = Executors.newSingleThreadExecutor();
    try {
      Future<Executor.Result> f = coordinator.submit(() -> new LocalProcessExecutor(1, 4L << 30)
          .execute(root, null, List.of(t), new PrintWriter(log, true)));
      // kill the child JVM (not the JDK's spawn helper) once its run has started: run.json is
      // written before the first iteration
      ProcessHandle victim = null;
      for (int i = 0; i < 12_000 && victim == null; i++) {
        if (Files.exists(run.resolve("run.json"))) {
          victim = ProcessHandle.current().children().filter(p -> p.info().command()
              .map(c -> c.endsWith("/java")).orElse(false)).findFirst().orElse(null);
        }
        Thread.sleep(5);
      }
      assertThat(victim).as("the child JVM").isNotNull();
      assertThat(run.resolve("final.json")).as("killed before it finished").doesNotExist();
      victim.destroyForcibly(); // SIGKILL, as the kernel's out-of-memory killer sends
      Executor.Result r = f.get(120, TimeUnit.SECONDS);
      assertThat(log.toString()).contains("was killed by signal 9").contains("attempt 2 of 3");
      assertThat(r.completed()).as(log.toString()).isEqualTo(1);
    } finally {
      coordinator.shutdownNow();
    }
    assertSameResults(ref, run);
  }

  /** metrics.csv without wall_seconds, model.npz and the precise final −ELBO are identical. */
  static void assertSameResults(Path a, Path b) throws IOException {
    assertThat(metricsWithoutWallClock(b)).isEqualTo(metricsWithoutWallClock(a));
    assertThat(Files.readAllBytes(b.resolve("model.npz")))
        .isEqualTo(Files.readAllBytes(a.resolve("model.npz")));
    Map<String, Object> fa = Json.readObject(a.resolve("final.json"));
    Map<String, Object> fb = Json.readObject(b.resolve("final.json"));
    assertThat(fb.get("final_evaluation")).isEqualTo(fa.get("final_evaluation"));
    assertThat(fb.get("target_evaluations")).isEqualTo(fa.get("target_evaluations"));
    assertThat(fb.get("status")).isEqualTo("completed");
  }

  private static List<String> metricsWithoutWallClock(Path run) throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
    int col = List.of(lines.get(0).split(",", -1)).indexOf("wall_seconds");
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      List<String> cells = new ArrayList<>(List.of(l.split(",", -1)));
      cells.remove(col);
      out.add(String.join(",", cells));
    }
    return out;
  }
}
