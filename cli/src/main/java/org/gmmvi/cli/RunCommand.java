package org.gmmvi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.run.BudgetKind;
import org.gmmvi.cli.run.Checkpoint;
import org.gmmvi.cli.run.ConfigFiles;
import org.gmmvi.cli.run.ConvergenceStop;
import org.gmmvi.cli.run.RunEngine;
import org.gmmvi.cli.run.RunOutcome;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.RunSettings;
import org.gmmvi.cli.run.RunStatus;
import org.gmmvi.cli.run.TimeLimit;
import org.gmmvi.cli.run.UserTargetProblem;
import org.gmmvi.core.config.Codeword;
import org.gmmvi.core.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gmmvi run}: one codeword on one problem (or a user target class). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run one GMMVI variant (codeword) on a problem or a user target class.",
        "Writes into --out: metrics.csv, config.yml, run.json, final.json, model.npz, model.json,"
            + " neg_elbo_vs_evals.png, neg_elbo_vs_time.png, and checkpoint.bin while the run is"
            + " unfinished (deleted on completion unless --keep-checkpoint)."})
final class RunCommand implements Callable<Integer> {

  @Option(names = "--problem", paramLabel = "NAME",
      description = "Paper problem (see 'gmmvi list problems').")
  String problem;

  @Option(names = "--algorithm", paramLabel = "CODEWORD",
      description = "Seven-letter codeword, e.g. SAMTRON (see 'gmmvi list codewords').")
  String algorithm;

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML config merged over the problem's tuned config (repeatable; a run's"
          + " config.yml can be given back).")
  List<Path> configs = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "Run seed (default ${DEFAULT-VALUE}).")
  long seed = 10000;

  @Option(names = "--budget", paramLabel = "smoke|full",
      description = "Target-evaluation budget of the problem (default full; see 'gmmvi list"
          + " problems'). A user target (--target-class) has full = 1,000,000 and smoke = 50,000"
          + " evaluations. --resume keeps the run's recorded budget unless this is given.")
  String budget;

  @Option(names = "--max-evals", paramLabel = "N",
      description = "Stop after N target evaluations (overrides --budget).")
  Long maxEvals;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Stop after N iterations (default: the reference cap, 1,000,000; ZAMTRUX"
          + " 100,000).")
  Integer maxIterations;

  @Option(names = "--time-limit", paramLabel = "DURATION",
      description = "Stop after this wall-clock time, e.g. 90s, 10m, 2h, 1h30m.")
  String timeLimit;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run directory (default runs/<problem>-<codeword>-s<seed>).")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint,"
      + " with the run's recorded budget, iteration cap and time limit unless --budget,"
      + " --max-evals, --max-iterations or --time-limit override them.")
  boolean resume;

  @Option(names = "--keep-checkpoint", description = "Keep checkpoint.bin when the run completes"
      + " (default: deleted once the run reaches its budget, iteration cap or convergence; kept"
      + " after a time limit or an interrupt, for --resume).")
  boolean keepCheckpoint;

  @Option(names = "--stop-when-converged", description = "Stop once the logged -ELBO estimate"
      + " changed by at most --convergence-tolerance standard errors over the last"
      + " --convergence-window logged estimates (older half against newer half). Off by default:"
      + " the paper's runs use their full budgets.")
  boolean stopWhenConverged;

  @Option(names = "--convergence-window", paramLabel = "N",
      description = "Logged estimates compared by --stop-when-converged (even; default"
          + " ${DEFAULT-VALUE}).")
  int convergenceWindow = 10;

  @Option(names = "--convergence-tolerance", paramLabel = "Z",
      description = "Tolerance of --stop-when-converged in standard errors of the change"
          + " (default ${DEFAULT-VALUE}).")
  double convergenceTolerance = 1.0;

  @Mixin
  SharedOptions.Threads threads;

  @Mixin
  SharedOptions.Data data;

  @Option(names = "--target-class", paramLabel = "CLASS",
      description = "User target: a class implementing org.gmmvi.core.target.Target.")
  String targetClass;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Jars/class folders for --target-class (separated by '"
          + "${sys:path.separator}').")
  String classpath;

  @Option(names = "--checkpoint-seconds", paramLabel = "S",
      description = "Write a checkpoint every S seconds of run time (default ${DEFAULT-VALUE}).")
  double checkpointSeconds = 120;

  @Option(names = "--checkpoint-every", paramLabel = "N",
      description = "Also write a checkpoint every N iterations (default 0: by time only).")
  int checkpointEvery;

  @Option(names = "--final-samples", paramLabel = "M",
      description = "Samples of the precise -ELBO of the final model, written to final.json with"
          + " its standard error (default ${DEFAULT-VALUE}; 0: none).")
  int finalSamples = RunSettings.DEFAULT_FINAL_SAMPLES;

  @Option(names = "--quiet", description = "No progress display.")
  boolean quiet;

  @Option(names = "--fresh",
      description = "Replace a previous run in --out (the no-argument main job uses it).")
  boolean fresh;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunProblem p = problem();
    String cw = codeword(algorithm);
    RunSettings s = settings(p, cw);
    if (fresh && !resume) {
      clearPreviousRun(s.out());
    }
    PrintWriter err = spec.commandLine().getErr();
    RunOutcome o = RunEngine.run(s, p, () -> {
      resumeNotes.forEach(err::println);
      err.flush();
    });
    return report(o, spec.commandLine().getErr());
  }

  static int report(RunOutcome o, java.io.PrintWriter err) {
    String where = o.out().toAbsolutePath().normalize().toString();
    if (o.status() == RunStatus.FAILED) {
      err.println("gmmvi: run failed (" + o.iteration() + " iterations completed): " + o.error());
      err.println("results so far (final.json marks the run as failed): " + where);
      err.flush();
      return Main.EXIT_FAILURE;
    }
    err.printf(Locale.ROOT, "%s after %d iterations, %,d target evaluations, %s: %s%n",
        o.status(), o.iteration(), o.evaluations(), TimeLimit.format(o.wallSeconds()),
        o.stopReason());
    err.printf(Locale.ROOT, "final -ELBO %.6g (last logged estimate)%n", o.negElbo());
    if (o.precise() != null) {
      err.printf(Locale.ROOT, "final model: -ELBO %.4f ± %.4f (standard error, %,d samples)%n",
          o.precise().negElbo(), o.precise().standardError(), o.precise().samples());
    }
    err.println("results: " + where);
    err.println("  metrics.csv, final.json, config.yml, run.json, model.npz, model.json");
    err.println("  plots: " + o.out().resolve("neg_elbo_vs_evals.png").toAbsolutePath().normalize()
        + ", " + o.out().resolve("neg_elbo_vs_time.png").toAbsolutePath().normalize());
    err.flush();
    return 0;
  }

  private RunProblem problem() {
    if (targetClass != null) {
      if (problem != null) {
        throw new UsageException("give either --problem or --target-class, not both");
      }
      return new UserTargetProblem(targetClass, classpath);
    }
    if (classpath != null) {
      throw new UsageException("--classpath is only used with --target-class");
    }
    if (problem == null) {
      throw new UsageException("run needs --problem NAME (see 'gmmvi list problems') or"
          + " --target-class CLASS");
    }
    return data.problem(problem);
  }


  /** The upper-cased codeword, validated (ALGORITHM.md §3.1). */
  static String codeword(String algorithm) {
    if (algorithm == null) {
      throw new UsageException("run needs --algorithm CODEWORD, e.g. SAMTRON (see 'gmmvi list"
          + " codewords')");
    }
    try {
      Codeword.parse(algorithm);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage(), e);
    }
    return algorithm.strip().toUpperCase(Locale.ROOT);
  }

  /** The budget name, validated. */
  static String budgetName(String budget) {
    String b = budget.toLowerCase(Locale.ROOT);
    if (!b.equals("full") && !b.equals("smoke")) {
      throw new UsageException("--budget must be 'smoke' or 'full', got '" + budget + "'");
    }
    return b;
  }

  /** Notes on recorded limits that options change on {@code --resume}. */
  private final List<String> resumeNotes = new ArrayList<>();

  private RunSettings settings(RunProblem p, String cw) {
    Path dir = out != null ? out
        : Path.of("runs", p.name() + "-" + cw + "-s" + seed);
    Limits recorded = resume ? Limits.recorded(dir) : null;
    Limits l = limits(p, cw, recorded);
    int t = threads.count();
    if (!(checkpointSeconds >= 0) || checkpointEvery < 0) {
      throw new UsageException("--checkpoint-seconds and --checkpoint-every must be >= 0");
    }
    List<Map<String, Object>> layers = new ArrayList<>();
    for (Path c : configs) {
      layers.add(ConfigFiles.readYaml(c));
    }
    if (finalSamples < 0 || finalSamples == 1) {
      throw new UsageException("--final-samples must be 0 or >= 2, got " + finalSamples);
    }
    ConvergenceStop convergence = null;
    if (stopWhenConverged) {
      try {
        convergence = new ConvergenceStop(convergenceWindow, convergenceTolerance);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
    return new RunSettings(cw, seed, BudgetKind.of(l.budget()), l.evaluations(), l.iterations(), l.timeLimit(),
        dir, resume, t, layers, checkpointSeconds, checkpointEvery, quiet, finalSamples,
        keepCheckpoint, convergence);
  }

  /**
   * Budget, iteration cap and time limit of a run: the options; on {@code --resume} the run's
   * recorded ones ({@code run.json}) for every option not given, with a note on stderr for every
   * recorded limit an option changes.
   */
  private Limits limits(RunProblem p, String cw, Limits recorded) {
    String b = budget != null ? budgetName(budget)
        : recorded != null ? recorded.budget() : "full";
    long evals = budget == null && recorded != null ? recorded.evaluations() : p.budget(b);
    if (maxEvals != null) {
      if (maxEvals < 1) {
        throw new UsageException("--max-evals must be >= 1, got " + maxEvals);
      }
      evals = maxEvals;
      b = "custom";
    }
    int iters = maxIterations != null ? maxIterations
        : recorded != null ? recorded.iterations() : p.iterationCap(cw);
    if (iters < 1) {
      throw new UsageException("--max-iterations must be >= 1, got " + iters);
    }
    Duration limit = recorded != null ? recorded.timeLimit() : null;
    if (timeLimit != null) {
      try {
        limit = TimeLimit.parse(timeLimit);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
    Limits l = new Limits(b, evals, iters, limit);
    if (recorded != null) {
      resumeNotes.addAll(recorded.changes(l));
    }
    return l;
  }

  /**
   * The stopping limits of a run as {@code run.json} records them.
   *
   * @param budget      {@code full}, {@code smoke} or {@code custom}
   * @param evaluations target-evaluation budget
   * @param iterations  iteration cap
   * @param timeLimit   wall-clock limit, or null
   */
  record Limits(String budget, long evaluations, int iterations, Duration timeLimit) {

    /** The limits recorded in {@code dir/run.json}, or null when it has none (older runs). */
    static Limits recorded(Path dir) {
      Path f = dir.resolve("run.json");
      if (!Files.isRegularFile(f)) {
        return null;
      }
      Map<String, Object> m;
      try {
        m = Json.readObject(f);
      } catch (IOException e) {
        throw new UsageException("--resume: cannot read '" + f + "': " + e.getMessage(), e);
      }
      if (!(m.get("max_target_evaluations") instanceof Number e)
          || !(m.get("max_iterations") instanceof Number i)) {
        return null;
      }
      Duration limit = m.get("time_limit_seconds") instanceof Number t
          ? Duration.ofMillis(Math.round(t.doubleValue() * 1000)) : null;
      return new Limits(String.valueOf(m.get("budget")), e.longValue(), i.intValue(), limit);
    }

    /** One note for every limit of {@code now} that differs from this. */
    List<String> changes(Limits now) {
      List<String> notes = new ArrayList<>();
      if (now.evaluations != evaluations) {
        notes.add(String.format(Locale.ROOT, "gmmvi: --resume: target-evaluation budget changed"
            + " from %,d (%s, recorded) to %,d (%s)", evaluations, budget, now.evaluations,
            now.budget));
      }
      if (now.iterations != iterations) {
        notes.add(String.format(Locale.ROOT, "gmmvi: --resume: iteration cap changed from %,d"
            + " (recorded) to %,d", iterations, now.iterations));
      }
      if (!java.util.Objects.equals(now.timeLimit, timeLimit)) {
        notes.add("gmmvi: --resume: time limit changed from " + describe(timeLimit)
            + " (recorded) to " + describe(now.timeLimit));
      } else if (timeLimit != null) {
        notes.add("gmmvi: --resume: the run's time limit of " + describe(timeLimit) + " applies"
            + " (wall clock, cumulative over resumes); --time-limit extends it");
      }
      return notes;
    }

    private static String describe(Duration d) {
      return d == null ? "none" : TimeLimit.format(d.toMillis() / 1000.0);
    }
  }

  /** Deletes the files a previous run wrote into {@code dir} (only the runner's own files). */
  static void clearPreviousRun(Path dir) throws IOException {
    for (String f : List.of(Checkpoint.FILE, "final.json", "metrics.csv", "config.yml", "run.json",
        "model.npz", "model.json", "neg_elbo_vs_evals.png", "neg_elbo_vs_time.png")) {
      Files.deleteIfExists(dir.resolve(f));
    }
  }
}
