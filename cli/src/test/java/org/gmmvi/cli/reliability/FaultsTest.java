package org.gmmvi.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.MetricsCsv;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a run (docs/RELIABILITY.md §2): {@code kill -9} at random moments followed by
 * {@code --resume}, an intermittently failing target, and a full disk.
 */
class FaultsTest {

  private static final String GAUSS = "org.gmmvi.cli.testing.GaussianTestTarget";
  private static final int ITERATIONS = 150;

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

  private List<String> runArgs(String target, Path out, int iterations) throws IOException {
    return new ArrayList<>(List.of("run", "--target-class", target, "--algorithm", "SAMTRON",
        "--config", config().toString(), "--seed", "3", "--threads", "1", "--max-iterations",
        Integer.toString(iterations), "--checkpoint-every", "3", "--out", out.toString(),
        "--quiet"));
  }

  /**
   * The test JVM's java binary, class path, flags and kernel backend (surefire passes the backend
   * as a system property, not a JVM flag; the in-process reference run uses it), running
   * {@code org.gmmvi.cli.Main}.
   */
  private static List<String> javaCommand() {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
        c.add(a);
      }
    }
    c.add("-D" + KernelProvider.PROPERTY + "=" + KernelProvider.requested());
    c.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.gmmvi.cli.Main"));
    return c;
  }

  private static void assertSameRows(Path a, Path b) throws IOException {
    MetricsCsv x = MetricsCsv.read(a.resolve("metrics.csv"));
    MetricsCsv y = MetricsCsv.read(b.resolve("metrics.csv"));
    assertThat(y.column("iteration")).containsExactly(x.column("iteration"));
    assertThat(y.column("num_samples")).containsExactly(x.column("num_samples"));
    assertThat(y.column("neg_elbo")).containsExactly(x.column("neg_elbo"));
    assertThat(y.column("dropped_samples")).containsExactly(x.column("dropped_samples"));
  }

  @Test
  void killMinus9AtRandomMomentsThenResumeEqualsTheUninterruptedRun() throws Exception {
    Path whole = dir.resolve("whole");
    Cli.Result ref = Cli.run(runArgs(GAUSS, whole, ITERATIONS).toArray(String[]::new));
    assertThat(ref.code()).as(ref.err()).isZero();

    Path parts = dir.resolve("parts");
    Rng rng = new Rng(20261125);
    int kills = 0;
    int attempts = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
    while (true) {
      if (kills > 0 && Files.exists(parts.resolve("final.json"))
          && !Files.exists(parts.resolve("checkpoint.bin"))) {
        // the last attempt was killed after it had completed (final.json written, checkpoint
        // deleted: completed runs keep none), between its last write and its exit
        break;
      }
      attempts++;
      List<String> cmd = javaCommand();
      cmd.addAll(runArgs(GAUSS, parts, ITERATIONS));
      if (Files.exists(parts.resolve("checkpoint.bin"))) {
        cmd.add("--resume");
      }
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("log" + attempts + ".txt").toFile()).start();
      boolean killNow = kills < 4 && System.nanoTime() < deadline;
      long delayMs = 700 + rng.nextInt(2500);
      if (killNow && !p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        kills++;
        continue;
      }
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("log" + attempts + ".txt"));
      assertThat(p.exitValue()).as(log).isZero();
      if (killNow) {
        if (kills == 0) {
          // finished before the first kill (a fast machine): start over, so that a kill lands
          deleteTree(parts);
          continue;
        }
        break; // finished before a later kill: the run is complete
      }
      break;
    }
    Map<String, Object> fin = Json.readObject(parts.resolve("final.json"));
    assertThat(fin).containsEntry("status", "completed").containsEntry("iterations", ITERATIONS);
    assertThat(kills).as("kills over %d attempts", attempts).isPositive();
    assertSameRows(whole, parts);
    double[] it = MetricsCsv.read(parts.resolve("metrics.csv")).column("iteration");
    assertThat(it).doesNotHaveDuplicates().hasSize(ITERATIONS / 5);
    assertThat(Files.readAllBytes(parts.resolve("model.npz")))
        .isEqualTo(Files.readAllBytes(whole.resolve("model.npz")));
    assertThat(Files.readAllBytes(parts.resolve("model.json")))
        .isEqualTo(Files.readAllBytes(whole.resolve("model.json")));
    try (var s = Files.list(parts)) {
      assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  /**
   * SIGTERM (Ctrl-C) stops the run after the current iteration with every result file, including
   * the plots: the first plot of a run initialises Java2D, which registers a shutdown hook and so
   * failed inside the shutdown ("could not write the plots: Shutdown in progress").
   */
  @Test
  void sigtermWritesEveryResultIncludingThePlots() throws Exception {
    Path out = dir.resolve("term");
    List<String> cmd = javaCommand();
    // a writable temporary directory, so that ImageIO would use its disk cache (the failing path)
    cmd.add(1, "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    cmd.addAll(runArgs(GAUSS, out, 1_000_000));
    Path log = dir.resolve("term.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(out.resolve("checkpoint.bin")) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(log);
    assertThat(p.exitValue()).as(text).isEqualTo(128 + 15); // the JVM's status after SIGTERM
    assertThat(text).contains("gmmvi: interrupted at iteration ");
    assertThat(text).doesNotContain("could not write the plots");
    assertThat(Json.readObject(out.resolve("final.json"))).containsEntry("status", "interrupted");
    for (String f : List.of("neg_elbo_vs_evals.png", "neg_elbo_vs_time.png", "model.npz",
        "model.json", "metrics.csv", "checkpoint.bin")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
  }

  @Test
  void intermittentTargetFailsCleanlyAndResumeCarriesOn() throws IOException {
    Path out = dir.resolve("flaky");
    String target = "org.gmmvi.cli.reliability.FaultyTargets$Intermittent";
    int failures = 0;
    Cli.Result r = Cli.run(runArgs(target, out, 100).toArray(String[]::new));
    while (r.code() == 1 && failures < 10) {
      failures++;
      assertThat(r.firstLine()).matches("gmmvi: run failed \\(\\d+ iterations completed\\):"
          + " iteration \\d+: target 'Intermittent' threw while evaluating \\d+ samples:"
          + " java.lang.IllegalStateException: intermittent fault on call 60");
      assertThat(r.err()).doesNotContain("\tat ");
      assertThat(Json.readObject(out.resolve("final.json"))).containsEntry("status", "failed");
      List<String> a = runArgs(target, out, 100);
      a.add("--resume");
      r = Cli.run(a.toArray(String[]::new));
    }
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(failures).isPositive();
    MetricsCsv m = MetricsCsv.read(out.resolve("metrics.csv"));
    assertThat(m.column("iteration")).doesNotHaveDuplicates().hasSize(20);
    double[] dropped = m.column("dropped_samples");
    assertThat(dropped[dropped.length - 1]).isPositive();
  }

  @Test
  void diskFullStopsWithAClearMessageAndKeepsTheLastCheckpoint() throws Exception {
    Path mnt = dir.resolve("tiny");
    Files.createDirectories(mnt);
    boolean mounted = exec("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", mnt.toString());
    assumeTrue(mounted, "cannot mount a small tmpfs here (needs root): disk-full test skipped");
    try {
      Path out = mnt.resolve("run");
      Cli.Result r = Cli.run(runArgs(GAUSS, out, 3000).toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.firstLine()).matches("gmmvi: run failed \\(\\d+ iterations completed\\): .*"
          + "cannot write '" + java.util.regex.Pattern.quote(out.toString())
          + "/[a-z_.]+': No space left on device.*");
      assertThat(r.err()).doesNotContain("\tat ");
      // the last good checkpoint is intact: copy the run off the full disk and resume it
      Path copy = dir.resolve("copy");
      Files.createDirectories(copy);
      try (var s = Files.list(out)) {
        for (Path f : s.toList()) {
          assertThat(f.getFileName().toString()).doesNotEndWith(".tmp");
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
      int done = ((Number) Json.readObject(copy.resolve("final.json"))
          .get("failed_at_iteration")).intValue();
      List<String> a = runArgs(GAUSS, copy, done + 10);
      a.add("--resume");
      Cli.Result resumed = Cli.run(a.toArray(String[]::new));
      assertThat(resumed.code()).as(resumed.err()).isZero();
      assertThat(Json.readObject(copy.resolve("final.json"))).containsEntry("status", "completed");
    } finally {
      exec("umount", mnt.toString());
    }
  }

  private static boolean exec(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
