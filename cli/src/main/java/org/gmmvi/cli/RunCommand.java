package org.gmmvi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gmmvi.cli.run.Checkpoint;
import org.gmmvi.cli.run.ConfigFiles;
import org.gmmvi.cli.run.RunEngine;
import org.gmmvi.cli.run.RunOutcome;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.RunSettings;
import org.gmmvi.cli.run.TimeLimit;
import org.gmmvi.cli.run.UserTargetProblem;
import org.gmmvi.core.config.Codeword;
import org.gmmvi.core.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gmmvi run}: one codeword on one problem (or a user target class). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run one GMMVI variant (codeword) on a problem; writes metrics.csv, config.yml,"
        + " final.json, model.npz/model.json, plots and checkpoints into --out.")
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
      description = "Target-evaluation budget of the problem (default ${DEFAULT-VALUE}).")
  String budget = "full";

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

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads: target evaluations, mixture kernels and per-component"
          + " estimates (default: available processors). Results do not depend on it.")
  Integer threads;

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

  @Option(names = "--fresh", hidden = true,
      description = "Replace a previous run in --out (used by the no-argument main job).")
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
    RunOutcome o = RunEngine.run(s, p);
    return report(o, spec.commandLine().getErr());
  }

  static int report(RunOutcome o, java.io.PrintWriter err) {
    String where = o.out().toAbsolutePath().normalize().toString();
    if ("failed".equals(o.status())) {
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
    err.println("  metrics.csv, final.json, config.yml, model.npz, model.json");
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

  private RunSettings settings(RunProblem p, String cw) {
    String b = budgetName(budget);
    long evals = p.budget(b);
    if (maxEvals != null) {
      if (maxEvals < 1) {
        throw new UsageException("--max-evals must be >= 1, got " + maxEvals);
      }
      evals = maxEvals;
      b = "custom";
    }
    int iters = maxIterations != null ? maxIterations : p.iterationCap(cw);
    if (iters < 1) {
      throw new UsageException("--max-iterations must be >= 1, got " + iters);
    }
    Duration limit = null;
    if (timeLimit != null) {
      try {
        limit = TimeLimit.parse(timeLimit);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
    int t = SharedOptions.threads(threads);
    if (!(checkpointSeconds >= 0) || checkpointEvery < 0) {
      throw new UsageException("--checkpoint-seconds and --checkpoint-every must be >= 0");
    }
    List<Map<String, Object>> layers = new ArrayList<>();
    for (Path c : configs) {
      layers.add(ConfigFiles.readYaml(c));
    }
    Path dir = out != null ? out
        : Path.of("runs", p.name() + "-" + cw + "-s" + seed);
    if (finalSamples < 0 || finalSamples == 1) {
      throw new UsageException("--final-samples must be 0 or >= 2, got " + finalSamples);
    }
    return new RunSettings(cw, seed, b, evals, iters, limit, dir, resume, t, layers,
        checkpointSeconds, checkpointEvery, quiet, finalSamples);
  }

  /** Deletes the files a previous run wrote into {@code dir} (only the runner's own files). */
  static void clearPreviousRun(Path dir) throws IOException {
    org.gmmvi.cli.reproduce.TaskRunner.clearPreviousRun(dir);
  }
}
