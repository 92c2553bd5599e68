package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gmmvi.cli.io.AtomicFiles;

/**
 * {@code --executor slurm}: writes one {@code sbatch --array} script per cell (problem ×
 * codeword) with one array task per missing run, submits it and returns. Each array task runs
 * {@code java … org.gmmvi.cli.Main reproduce task --tasks FILE --index $SLURM_ARRAY_TASK_ID}
 * ({@link ChildJvm}, the coordinator's JDK and jar by absolute path) and writes only into its own
 * run directory, atomically, so the nodes of a cluster can share one reproduction directory.
 *
 * <p>Files below {@code <root>/slurm/}: {@code <problem>-<codeword>-<n>.json} (the tasks of
 * submission {@code n}), {@code <problem>-<codeword>-<n>.sbatch}, {@code logs/} (one output file
 * per array task) and {@code submissions.tsv} (job id, task file, time), which {@link #states}
 * uses to map squeue/sacct lines back to runs.
 *
 * <p>Resources per array task: {@code --cpus-per-task} from {@code --cpus-per-run} (default: the
 * paper's cores with {@code --budget paper}, else 1), {@code --mem} from {@code --mem-per-run}
 * (default: the run's {@link ResourceEstimate} plus 10 %), {@code --time} from
 * {@code --time-per-run} (default {@link #defaultTime}). {@code --signal=B:TERM@120} makes SLURM
 * stop a task two minutes before its time limit; the runner then writes a checkpoint, and a rerun
 * of {@code reproduce} resubmits and resumes it.
 */
public final class SlurmExecutor implements Executor {

  /** Options of the batch jobs. */
  public record Options(String partition, String account, Duration timePerRun, Integer cpusPerRun,
      Long memPerRun) {}

  private final Options options;
  private final Map<String, Duration> timeByCell;

  /**
   * @param options    sbatch options given by the user (nulls: derived per cell)
   * @param timeByCell the derived time limit of each cell ({@link RunTask#cell()})
   */
  public SlurmExecutor(Options options, Map<String, Duration> timeByCell) {
    this.options = options;
    this.timeByCell = timeByCell;
  }

  @Override
  public String name() {
    return "slurm";
  }

  /**
   * The default {@code --time} of a run: with the paper's budget its limit plus 15 minutes (final
   * evaluation, checkpoint); with an evaluation budget twice the paper's limit scaled by the
   * budget's share of the full budget, at least 15 minutes; 24 hours if the paper gives no limit.
   */
  public static Duration defaultTime(PaperBudget paper, boolean paperBudget, double fullShare) {
    if (paper == null) {
      return Duration.ofHours(24);
    }
    if (paperBudget) {
      return paper.limit().plusMinutes(15);
    }
    long s = (long) Math.ceil(2 * paper.limit().toSeconds() * Math.max(0, fullShare));
    return Duration.ofSeconds(Math.max(15 * 60, s));
  }

  @Override
  public Result execute(Path root, String dataDir, List<RunTask> tasks, PrintWriter log)
      throws IOException, InterruptedException {
    Path dir = root.resolve("slurm");
    Files.createDirectories(dir.resolve("logs"));
    Map<String, SlurmState> active = states(root);
    List<RunTask> todo = new ArrayList<>();
    for (RunTask t : tasks) {
      SlurmState s = active.get(t.dir().toString());
      if (s != null && s.active()) {
        log.println("reproduce: " + t.label() + " is " + s.state().toLowerCase(Locale.ROOT)
            + " as SLURM job " + s.jobTask() + "; not submitted again");
      } else {
        todo.add(t);
      }
    }
    Map<String, List<RunTask>> byCell = new LinkedHashMap<>();
    todo.forEach(t -> byCell.computeIfAbsent(t.cell(), k -> new ArrayList<>()).add(t));
    int submitted = 0;
    for (Map.Entry<String, List<RunTask>> e : byCell.entrySet()) {
      List<RunTask> cell = e.getValue();
      String base = cell.get(0).problem() + "-" + cell.get(0).codeword();
      int n = 1;
      while (Files.exists(dir.resolve(base + "-" + n + ".json"))) {
        n++;
      }
      Path taskFile = dir.resolve(base + "-" + n + ".json");
      new TaskFile(dataDir, cell).write(taskFile);
      Path script = dir.resolve(base + "-" + n + ".sbatch");
      AtomicFiles.writeString(script, script(cell, taskFile, dir.resolve("logs"),
          timeByCell.getOrDefault(e.getKey(), Duration.ofHours(24))));
      String jobId = sbatch(script);
      Files.writeString(dir.resolve("submissions.tsv"), jobId + "\t" + taskFile.getFileName()
          + "\t" + Instant.now() + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      log.printf(Locale.ROOT, "reproduce: submitted %s: job %s, %d array task(s) (%s)%n",
          e.getKey(), jobId, cell.size(), script);
      submitted += cell.size();
    }
    log.flush();
    return new Result(0, 0, submitted);
  }

  /** The batch script of one cell's tasks. */
  String script(List<RunTask> cell, Path taskFile, Path logs, Duration time) {
    RunTask first = cell.get(0);
    long heap = cell.stream().mapToLong(RunTask::heapBytes).max().orElseThrow();
    long mem = options.memPerRun() != null ? options.memPerRun()
        : (long) ((heap + ResourceEstimate.NON_HEAP_BYTES) * 1.1);
    if (options.memPerRun() != null) {
      heap = Math.max(128L << 20, Math.min(heap, mem - ResourceEstimate.NON_HEAP_BYTES));
    }
    Duration t = options.timePerRun() != null ? options.timePerRun() : time;
    StringBuilder sb = new StringBuilder("#!/bin/bash\n");
    sb.append("#SBATCH --job-name=gmmvi-").append(first.problem()).append('-')
        .append(first.codeword()).append('\n');
    sb.append("#SBATCH --array=0-").append(cell.size() - 1).append('\n');
    sb.append("#SBATCH --ntasks=1\n");
    sb.append("#SBATCH --cpus-per-task=").append(first.threads()).append('\n');
    sb.append("#SBATCH --mem=").append((mem + (1L << 20) - 1) >> 20).append("M\n");
    sb.append("#SBATCH --time=").append(slurmTime(t)).append('\n');
    sb.append("#SBATCH --signal=B:TERM@120\n");
    sb.append("#SBATCH --output=").append(logs.toAbsolutePath()).append('/')
        .append(first.problem()).append('-').append(first.codeword()).append("-%A_%a.out\n");
    if (options.partition() != null) {
      sb.append("#SBATCH --partition=").append(options.partition()).append('\n');
    }
    if (options.account() != null) {
      sb.append("#SBATCH --account=").append(options.account()).append('\n');
    }
    sb.append("# Written by 'gmmvi reproduce --executor slurm': array task i runs task i of\n");
    sb.append("# ").append(taskFile.toAbsolutePath()).append(" (").append(cell.size())
        .append(" runs of ").append(first.cell()).append(").\n");
    List<String> cmd = ChildJvm.command(heap, taskFile, null, false);
    sb.append("exec");
    for (String c : cmd) {
      sb.append(' ').append(quote(c));
    }
    sb.append(" \"$SLURM_ARRAY_TASK_ID\"\n");
    return sb.toString();
  }

  /** {@code D-HH:MM:SS}. */
  static String slurmTime(Duration d) {
    long s = Math.max(60, d.toSeconds());
    return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", s / 86400, (s % 86400) / 3600,
        (s % 3600) / 60, s % 60);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String sbatch(Path script) throws IOException, InterruptedException {
    Cmd r = Cmd.run(List.of("sbatch", "--parsable", script.toAbsolutePath().toString()));
    if (r.code() != 0) {
      throw new IOException("sbatch " + script + " failed (exit " + r.code() + "): "
          + r.output().strip());
    }
    String id = r.output().strip().split(";")[0];
    if (!id.matches("\\d+")) {
      throw new IOException("sbatch printed no job id: '" + r.output().strip() + "'");
    }
    return id;
  }

  // ------------------------------------------------------------------ status

  /** State of an array task that squeue no longer lists and sacct (if enabled) does not know. */
  public static final String ENDED = "ENDED";

  /**
   * The SLURM state of one array task.
   *
   * @param jobTask {@code <job>_<index>}
   * @param state   squeue/sacct state ({@code PENDING}, {@code RUNNING}, {@code CANCELLED}, …),
   *                or {@link #ENDED}
   */
  public record SlurmState(String jobTask, String state) {
    /** Pending, running or about to run. */
    public boolean active() {
      return List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "RESIZING",
          "SUSPENDED").contains(state);
    }
  }

  /**
   * The latest SLURM state of each run directory submitted from {@code root}: squeue for pending
   * and running tasks, sacct (when accounting is enabled) for finished ones, {@link #ENDED} for
   * tasks neither knows. Runs never submitted are absent.
   */
  public static Map<String, SlurmState> states(Path root) throws IOException,
      InterruptedException {
    Path dir = root.resolve("slurm");
    Path subs = dir.resolve("submissions.tsv");
    Map<String, String> dirByJobTask = new LinkedHashMap<>();
    List<String> jobs = new ArrayList<>();
    if (Files.isRegularFile(subs)) {
      for (String line : Files.readAllLines(subs)) {
        String[] c = line.split("\t");
        if (c.length < 2) {
          continue;
        }
        jobs.add(c[0]);
        List<RunTask> tasks = TaskFile.read(dir.resolve(c[1])).tasks();
        for (int i = 0; i < tasks.size(); i++) {
          dirByJobTask.put(c[0] + "_" + i, tasks.get(i).dir().toString());
        }
      }
    }
    Map<String, SlurmState> out = new LinkedHashMap<>();
    if (jobs.isEmpty()) {
      return out;
    }
    Map<String, String> state = new LinkedHashMap<>();
    Cmd acct = Cmd.run(List.of("sacct", "-n", "-P", "-X", "-o", "JobID,State", "-j",
        String.join(",", jobs)));
    if (acct.code() == 0) {
      parse(acct.output(), state);
    }
    Cmd q = Cmd.run(List.of("squeue", "-h", "-r", "-o", "%i|%T"));
    if (q.code() != 0) {
      throw new IOException("squeue failed (exit " + q.code() + "): " + q.output().strip());
    }
    parse(q.output(), state); // squeue is current: it wins over sacct
    for (Map.Entry<String, String> e : dirByJobTask.entrySet()) {
      String s = state.get(e.getKey());
      // the latest submission of a run wins; one that neither squeue nor sacct knows has ended
      out.put(e.getValue(), new SlurmState(e.getKey(), s != null ? s : ENDED));
    }
    return out;
  }

  /** Lines {@code <job>_<index>|STATE [by …]} into {@code state}. */
  static void parse(String text, Map<String, String> state) {
    for (String line : text.split("\n")) {
      String[] c = line.strip().split("\\|");
      if (c.length >= 2 && c[0].matches("\\d+_\\d+")) {
        state.put(c[0], c[1].split(" ")[0].toUpperCase(Locale.ROOT));
      }
    }
  }

  /** Output and exit code of a short command (127 if it cannot start). */
  record Cmd(int code, String output) {
    static Cmd run(List<String> command) throws InterruptedException {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Cmd(124, out + " (timed out)");
        }
        return new Cmd(p.exitValue(), out);
      } catch (IOException e) {
        return new Cmd(127, e.getMessage());
      }
    }
  }
}
