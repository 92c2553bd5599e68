package org.gmmvi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.io.GitRevision;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.report.ReportWriter;
import org.gmmvi.cli.run.Checkpoint;
import org.gmmvi.cli.run.RunEngine;
import org.gmmvi.cli.run.RunOutcome;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.RunSettings;
import org.gmmvi.cli.run.TimeLimit;
import org.gmmvi.kernels.KernelProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gmmvi reproduce}: the paper's Experiment-3 grid (problems × codewords × seeds
 * {@code 10000..}), resumable: runs already completed in {@code --out} are skipped, interrupted
 * ones resumed from their checkpoints. Writes {@code report.md}, {@code report.html} and
 * learning-curve plots.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = "Run the paper's comparison grid and write report.md/report.html with the"
        + " paper's numbers side by side; rerun to continue an interrupted reproduction.")
final class ReproduceCommand implements Callable<Integer> {

  /** The problems of the paper's table (PAPER-RESULTS.md), in its order. */
  static final List<String> PAPER_PROBLEMS = List.of("planar_robot_4", "breast_cancer",
      "german_credit", "german_credit_mb", "gmm20", "gmm100", "stm300");
  /** The paper table's algorithms. */
  static final List<String> PAPER_ALGORITHMS = List.of("SAMTRON", "SAMYRON", "SEPYFUX",
      "ZAMTRUX");

  @Option(names = "--problems", split = ",", paramLabel = "A,B",
      description = "Problems (default: the paper table's: ${DEFAULT-VALUE}).")
  List<String> problems = new ArrayList<>(PAPER_PROBLEMS);

  @Option(names = "--algorithms", split = ",", paramLabel = "CW,CW",
      description = "Codewords (default: ${DEFAULT-VALUE}).")
  List<String> algorithms = new ArrayList<>(PAPER_ALGORITHMS);

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds per cell (default 10).")
  int seeds = 10;

  @Option(names = "--start-seed", paramLabel = "N", description = "First seed (default 10000).")
  long startSeed = 10000;

  @Option(names = "--budget", paramLabel = "smoke|full",
      description = "Target-evaluation budget per run (default ${DEFAULT-VALUE}).")
  String budget = "full";

  @Option(names = "--max-evals", paramLabel = "N",
      description = "Override the evaluation budget of every run.")
  Long maxEvals;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Override the iteration cap of every run.")
  Integer maxIterations;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Runs in parallel (default: available processors); with N > 1 every run"
          + " evaluates its target on one thread.")
  Integer parallel;

  @Option(names = "--out", paramLabel = "DIR", description = "Reproduction directory (required).")
  Path out;

  @Mixin
  SharedOptions.Data data;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private java.io.PrintWriter err;

  private record Job(RunProblem problem, String codeword, long seed, Path dir) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    err = spec.commandLine().getErr();
    if (out == null) {
      throw new UsageException("reproduce needs --out DIR (the directory that holds the runs and"
          + " the report)");
    }
    if (seeds < 1) {
      throw new UsageException("--seeds must be >= 1, got " + seeds);
    }
    int par = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (par < 1) {
      throw new UsageException("--parallel must be >= 1, got " + par);
    }
    String b = RunCommand.budgetName(budget);
    List<String> cws = algorithms.stream().map(RunCommand::codeword).toList();
    List<RunProblem> probs = new ArrayList<>();
    for (String p : problems) {
      RunProblem rp = data.problem(p);
      checkData(rp);
      probs.add(rp);
    }
    List<Job> jobs = new ArrayList<>();
    int skipped = 0;
    for (RunProblem p : probs) {
      for (String cw : cws) {
        for (int r = 0; r < seeds; r++) {
          long seed = startSeed + r;
          Path dir = ReportWriter.runDir(out, p.name(), cw, seed);
          if (isComplete(dir, budgetOf(p, b), iterationsOf(p, cw))) {
            skipped++;
          } else {
            jobs.add(new Job(p, cw, seed, dir));
          }
        }
      }
    }
    err.printf(Locale.ROOT, "reproduce: %d runs to do, %d already complete in %s,"
        + " %d in parallel%n", jobs.size(), skipped, out.toAbsolutePath().normalize(), par);
    err.flush();
    int failed = runAll(jobs, b, par);
    List<String> header = List.of(
        "budget: " + (maxEvals != null ? maxEvals + " target evaluations per run" : b
            + " (PROBLEMS.md §3.5)") + ", seeds " + startSeed + ".." + (startSeed + seeds - 1),
        "kernel backend: " + KernelProvider.get().name() + ", git revision: "
            + GitRevision.ofProject() + ", JDK " + Runtime.version() + ", " + par
            + " runs in parallel on " + Runtime.getRuntime().availableProcessors() + " cores");
    ReportWriter.write(out, problems, cws, header);
    err.println("report: " + out.resolve("report.md").toAbsolutePath().normalize() + " and "
        + out.resolve("report.html").toAbsolutePath().normalize());
    err.flush();
    if (failed > 0) {
      err.println("reproduce: " + failed + " run(s) failed; see their final.json");
      err.flush();
      return Main.EXIT_FAILURE;
    }
    return 0;
  }

  private long budgetOf(RunProblem p, String b) {
    return maxEvals != null ? maxEvals : p.budget(b);
  }

  private int iterationsOf(RunProblem p, String cw) {
    return maxIterations != null ? maxIterations : p.iterationCap(cw);
  }

  /** Missing data is reported before the grid starts: every problem is built once. */
  private void checkData(RunProblem p) {
    try {
      p.instantiate(startSeed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** A run is complete if its final.json says so for the same budget and iteration cap. */
  static boolean isComplete(Path dir, long maxEvals, int maxIterations) throws IOException {
    Path f = dir.resolve("final.json");
    if (!Files.isRegularFile(f)) {
      return false;
    }
    var j = Json.readObject(f);
    return "completed".equals(j.get("status"))
        && j.get("max_target_evaluations") instanceof Number n && n.longValue() == maxEvals
        && j.get("max_iterations") instanceof Number m && m.intValue() == maxIterations;
  }

  private int runAll(List<Job> jobs, String b, int par) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(par);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int threads = par > 1 ? 1 : Runtime.getRuntime().availableProcessors();
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (Job j : jobs) {
      futures.add(pool.submit(() -> {
        RunOutcome o = runOne(j, b, threads, par > 1);
        int n = done.incrementAndGet();
        if (!o.completed()) {
          failed.incrementAndGet();
        }
        synchronized (err) {
          err.printf(Locale.ROOT, "[%d/%d] %s %s seed %d: %s, -ELBO %.4f, %,d evals, %s"
              + " (elapsed %s)%n", n, jobs.size(), j.problem().name(), j.codeword(), j.seed(),
              o.status() + (o.error() != null ? " (" + o.error() + ")" : ""), o.negElbo(),
              o.evaluations(), TimeLimit.format(o.wallSeconds()),
              TimeLimit.format((System.nanoTime() - start) * 1e-9));
          err.flush();
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        pool.shutdownNow();
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(c);
      }
    }
    return failed.get();
  }

  private RunOutcome runOne(Job j, String b, int threads, boolean quiet) throws IOException {
    boolean resume = Checkpoint.exists(j.dir());
    Path fin = j.dir().resolve("final.json");
    if (resume && Files.exists(fin) && !"interrupted".equals(Json.readObject(fin).get("status"))) {
      resume = false; // completed with another budget, or failed: start again
    }
    if (!resume) {
      RunCommand.clearPreviousRun(j.dir());
    }
    RunSettings s = new RunSettings(j.codeword(), j.seed(),
        maxEvals != null ? "custom" : b, budgetOf(j.problem(), b),
        iterationsOf(j.problem(), j.codeword()), null, j.dir(), resume, threads, List.of(), 120,
        0, quiet, RunSettings.DEFAULT_FINAL_SAMPLES);
    return RunEngine.run(s, j.problem());
  }
}
