package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.run.TimeLimit;

/**
 * {@code --executor local} (the default): every run in its own JVM ({@link ChildJvm}) with
 * {@code -Xmx} from its {@link ResourceEstimate}. Runs start while fewer than {@code --parallel}
 * run and their estimated process memory fits into the memory budget (by default 85 % of the
 * machine's available memory when the grid starts); a run larger than the whole budget runs
 * alone; a run whose estimate exceeds the machine's physical memory is reported and not started
 * (the paper could not run ZAMTRUX on STM300 either).
 *
 * <p>Failures: a child that exits on a signal (e.g. the kernel's out-of-memory killer, exit code
 * 128 + 9) or whose run ran out of heap is reported and started again, resuming from its last
 * checkpoint, with 1.5 times the memory (at most {@link #MAX_ATTEMPTS} attempts). The coordinator
 * keeps a pipe to each child's standard input; if the coordinator dies (even {@code kill -9}),
 * the pipe closes and the child checkpoints and stops, so a rerun of {@code reproduce} resumes it
 * instead of running beside it. Each child's output goes to {@code runner.log} in its run
 * directory.
 */
public final class LocalProcessExecutor implements Executor {

  /** Attempts per run (the first and the restarts after a kill or an out-of-memory error). */
  public static final int MAX_ATTEMPTS = 3;

  private final int parallel;
  private final long memoryBudget;

  /**
   * @param parallel     upper bound of runs at once
   * @param memoryBudget bytes the children may use together
   */
  public LocalProcessExecutor(int parallel, long memoryBudget) {
    this.parallel = parallel;
    this.memoryBudget = memoryBudget;
  }

  /** 85 % of {@code MemAvailable} of {@code /proc/meminfo}, or 85 % of the JVM's view of RAM. */
  public static long defaultMemoryBudget() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (long) (0.85 * kb * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return (long) (0.85 * os.getTotalMemorySize());
  }

  @Override
  public String name() {
    return "local";
  }

  /** A started child. */
  private static final class Child {
    final RunTask task;
    final int index;
    final int attempt;
    final Process process;
    final long reserved;
    final long startNanos = System.nanoTime();
    long peakRssKb;

    Child(RunTask task, int index, int attempt, Process process, long reserved) {
      this.task = task;
      this.index = index;
      this.attempt = attempt;
      this.process = process;
      this.reserved = reserved;
    }
  }

  private record Pending(RunTask task, int index, int attempt) {}

  @Override
  public Result execute(Path root, String dataDir, List<RunTask> tasks, PrintWriter log)
      throws IOException, InterruptedException {
    Path dir = root.resolve("executor");
    Files.createDirectories(dir);
    Path file = dir.resolve("local-tasks.json");
    new TaskFile(dataDir, tasks).write(file);
    Deque<Pending> queue = new ArrayDeque<>();
    for (int i = 0; i < tasks.size(); i++) {
      queue.add(new Pending(tasks.get(i), i, 1));
    }
    List<Child> running = new ArrayList<>();
    int refused = refuseTooLarge(queue, log);
    int finished = 0;
    int failed = 0;
    long start = System.nanoTime();
    try {
      while (!queue.isEmpty() || !running.isEmpty()) {
        startWhatFits(queue, running, file, log);
        Thread.sleep(200);
        for (Iterator<Child> it = running.iterator(); it.hasNext(); ) {
          Child c = it.next();
          c.peakRssKb = Math.max(c.peakRssKb, peakRssKb(c.process.pid()));
          if (c.process.isAlive()) {
            continue;
          }
          it.remove();
          Pending retry = onExit(c, log, tasks.size(), finished, start);
          if (retry != null) {
            queue.addFirst(retry);
          } else {
            finished++;
            if (!TaskRunner.isComplete(c.task)) {
              failed++;
            }
          }
        }
      }
    } finally {
      for (Child c : running) {
        c.process.getOutputStream().close(); // children checkpoint and stop
      }
    }
    return new Result(finished - failed, failed + refused, 0);
  }

  /** The machine's physical memory. */
  static long machineMemory() {
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os.getTotalMemorySize();
  }

  /** Runs that need more than the machine has are reported and not started. */
  private int refuseTooLarge(Deque<Pending> queue, PrintWriter log) {
    long total = machineMemory();
    int refused = 0;
    for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
      RunTask t = it.next().task();
      if (reservation(t) > total) {
        log.printf(Locale.ROOT, "reproduce: %s not run: it needs about %s, more than this"
            + " machine's %s of memory (run it where there is more, e.g. with --executor"
            + " slurm)%n", t.label(), ResourceEstimate.format(reservation(t)),
            ResourceEstimate.format(total));
        it.remove();
        refused++;
      }
    }
    log.flush();
    return refused;
  }

  private void startWhatFits(Deque<Pending> queue, List<Child> running, Path file,
      PrintWriter log) throws IOException {
    while (running.size() < parallel && !queue.isEmpty()) {
      long used = running.stream().mapToLong(c -> c.reserved).sum();
      Pending next = null;
      for (Pending p : queue) {
        if (used + reservation(p.task()) <= memoryBudget) {
          next = p;
          break;
        }
      }
      if (next == null && running.isEmpty()) {
        next = queue.peekFirst();
        log.printf(Locale.ROOT, "reproduce: %s needs about %s, more than the memory budget %s;"
            + " running it alone%n", next.task().label(),
            ResourceEstimate.format(reservation(next.task())),
            ResourceEstimate.format(memoryBudget));
      }
      if (next == null) {
        return;
      }
      queue.remove(next);
      running.add(start(next, file));
    }
  }

  private static long reservation(RunTask t) {
    return t.heapBytes() + ResourceEstimate.NON_HEAP_BYTES;
  }

  private Child start(Pending p, Path file) throws IOException {
    RunTask t = p.task();
    Files.createDirectories(t.dir());
    Path taskFile = file;
    if (p.attempt() > 1) { // a retry with more heap: a task file of its own
      taskFile = file.resolveSibling("retry-" + p.index() + "-" + p.attempt() + ".json");
      new TaskFile(TaskFile.read(file).dataDir(), List.of(t)).write(taskFile);
    }
    int index = p.attempt() > 1 ? 0 : p.index();
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(t.heapBytes(), taskFile, index, true));
    pb.redirectErrorStream(true);
    pb.redirectOutput(Redirect.appendTo(t.dir().resolve("runner.log").toFile()));
    pb.redirectInput(Redirect.PIPE);
    return new Child(t, p.index(), p.attempt(), pb.start(), reservation(t));
  }

  /** Reports a finished child; returns the retry to queue, or null. */
  private Pending onExit(Child c, PrintWriter log, int total, int finishedBefore, long start)
      throws IOException {
    int code = c.process.exitValue();
    RunTask t = c.task;
    Map<String, Object> fin = readFinal(t.dir());
    String status = fin == null ? "no final.json" : String.valueOf(fin.get("status"));
    String error = fin == null ? null : (String) fin.get("error");
    boolean killed = code > 128;
    boolean outOfHeap = error != null && error.contains("OutOfMemoryError");
    String rss = String.format(Locale.ROOT, "peak RSS %s of %s estimated",
        ResourceEstimate.format(c.peakRssKb * 1024), ResourceEstimate.format(c.reserved));
    if ((killed || outOfHeap) && c.attempt < MAX_ATTEMPTS) {
      long heap = (long) (t.heapBytes() * 1.5);
      if (outOfHeap) {
        // the failure record would make the retry start afresh; the last checkpoint is intact
        Files.deleteIfExists(t.dir().resolve("final.json"));
      }
      log.printf(Locale.ROOT, "reproduce: %s %s (%s); restarting it (from its last checkpoint if"
          + " it wrote one) with -Xmx%dm (attempt %d of %d)%n", t.label(), killed ? "was killed by signal "
          + (code - 128) + (code == 137 ? " (SIGKILL: probably the kernel's out-of-memory killer)"
          : "") : "ran out of heap", rss, heap >> 20, c.attempt + 1, MAX_ATTEMPTS);
      log.flush();
      return new Pending(t.withHeap(heap), c.index, c.attempt + 1);
    }
    String what;
    if (code == TaskRunner.EXIT_LOCKED) {
      what = "skipped: another process is running this run directory";
    } else if (killed) {
      what = "killed by signal " + (code - 128) + " (gave up after " + c.attempt + " attempts)";
    } else {
      what = status + (error != null ? " (" + error + ")" : "") + (code != 0 && fin == null
          ? " (runner exit code " + code + ", see " + t.dir().resolve("runner.log") + ")" : "");
    }
    log.printf(Locale.ROOT, "[%d/%d] %s: %s, -ELBO %s, %s evals, %s, %s (elapsed %s)%n",
        finishedBefore + 1, total, t.label(), what, number(fin, "final_metrics"),
        fin != null && fin.get("target_evaluations") instanceof Number n
            ? String.format(Locale.ROOT, "%,d", n.longValue()) : "?",
        TimeLimit.format((System.nanoTime() - c.startNanos) * 1e-9), rss,
        TimeLimit.format((System.nanoTime() - start) * 1e-9));
    log.flush();
    return null;
  }

  private static String number(Map<String, Object> fin, String key) {
    if (fin != null && fin.get(key) instanceof Map<?, ?> m
        && m.get("neg_elbo") instanceof Number n) {
      return String.format(Locale.ROOT, "%.4f", n.doubleValue());
    }
    return "?";
  }

  private static Map<String, Object> readFinal(Path dir) {
    try {
      Path f = dir.resolve("final.json");
      return Files.isRegularFile(f) ? Json.readObject(f) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Peak resident set size ({@code VmHWM}) of process {@code pid} in kB, 0 if unknown. */
  static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone or not Linux
    }
    return 0;
  }
}
