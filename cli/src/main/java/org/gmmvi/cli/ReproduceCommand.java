package org.gmmvi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.io.GitRevision;
import org.gmmvi.cli.report.ReportWriter;
import org.gmmvi.cli.reproduce.Executor;
import org.gmmvi.cli.reproduce.GridPlan;
import org.gmmvi.cli.reproduce.GridSpec;
import org.gmmvi.cli.reproduce.GridStatus;
import org.gmmvi.cli.reproduce.LocalProcessExecutor;
import org.gmmvi.cli.reproduce.PaperBudget;
import org.gmmvi.cli.reproduce.ResourceEstimate;
import org.gmmvi.cli.reproduce.SlurmExecutor;
import org.gmmvi.cli.reproduce.ThreadExecutor;
import org.gmmvi.cli.run.RegistryProblem;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.TimeLimit;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.io.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gmmvi reproduce}: the paper's Experiment-3 grid (problems × codewords × seeds
 * {@code 10000..}), resumable: runs already completed in {@code --out} are skipped, interrupted
 * ones resumed from their checkpoints. Runs go through an {@link Executor}: {@code local} (each
 * run in its own JVM, as many at once as memory and {@code --parallel} allow), {@code slurm}
 * (one {@code sbatch --array} job per cell; returns after submitting) or {@code threads}.
 * {@code --status DIR} shows the state of every run, {@code --report DIR} aggregates what has
 * finished. Writes {@code report.md}, {@code report.html} and learning-curve plots.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    subcommands = ReproduceTaskCommand.class,
    description = "Run the paper's comparison grid and write report.md/report.html with the"
        + " paper's numbers side by side; rerun to continue an interrupted reproduction.")
final class ReproduceCommand implements Callable<Integer> {

  /** The problems of the paper's table (PAPER-RESULTS.md), in its order. */
  static final List<String> PAPER_PROBLEMS = List.of("planar_robot_4", "breast_cancer",
      "german_credit", "german_credit_mb", "gmm20", "gmm100", "stm300");
  /** The paper table's algorithms. */
  static final List<String> PAPER_ALGORITHMS = List.of("SAMTRON", "SAMYRON", "SEPYFUX",
      "ZAMTRUX");
  /** All eleven problems of the paper's Experiment 3 ({@code --problems all}). */
  static final List<String> EXPERIMENT3_PROBLEMS = List.of("planar_robot_4", "breast_cancer",
      "breast_cancer_mb", "german_credit", "german_credit_mb", "gmm20", "gmm100", "stm20",
      "stm300", "wine", "talos");
  /** All nine codewords of the paper's Experiment 3 ({@code --algorithms all}). */
  static final List<String> EXPERIMENT3_ALGORITHMS = List.of("SAMTRUX", "SAMTROX", "SAMTRON",
      "SAMYRUX", "SAMYROX", "SAMYRON", "SEPYFUX", "SEPYRUX", "ZAMTRUX");

  @Option(names = "--problems", split = ",", paramLabel = "A,B",
      description = "Problems, or 'all' for Experiment 3's eleven (default: the paper table's:"
          + " ${DEFAULT-VALUE}).")
  List<String> problems = new ArrayList<>(PAPER_PROBLEMS);

  @Option(names = "--algorithms", split = ",", paramLabel = "CW,CW",
      description = "Codewords, or 'all' for Experiment 3's nine (default: ${DEFAULT-VALUE}).")
  List<String> algorithms = new ArrayList<>(PAPER_ALGORITHMS);

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds per cell (default 10).")
  int seeds = 10;

  @Option(names = "--start-seed", paramLabel = "N", description = "First seed (default 10000).")
  long startSeed = 10000;

  @Option(names = "--budget", paramLabel = "smoke|full|paper",
      description = "Budget per run: the problem's evaluation budget (smoke, full; PROBLEMS.md"
          + " §3.5) or the paper's wall-clock limit and core count (paper) (default"
          + " ${DEFAULT-VALUE}).")
  String budget = "full";

  @Option(names = "--max-evals", paramLabel = "N",
      description = "Override the evaluation budget of every run.")
  Long maxEvals;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Override the iteration cap of every run.")
  Integer maxIterations;

  @Option(names = "--executor", paramLabel = "local|slurm|threads",
      description = "Where runs execute: local (each run in its own JVM on this machine),"
          + " slurm (sbatch array jobs; returns after submitting), threads (inside this JVM)"
          + " (default ${DEFAULT-VALUE}).")
  String executor = "local";

  @Option(names = "--parallel", paramLabel = "N",
      description = "Upper bound of runs at once on this machine (default: available"
          + " processors); the memory estimate of each run may allow fewer. With N > 1 every run"
          + " evaluates its target on one thread.")
  Integer parallel;

  @Option(names = "--memory", paramLabel = "SIZE",
      description = "Memory the local runs may use together, e.g. 20G (default: 85% of the"
          + " available memory).")
  String memory;

  @Option(names = "--partition", paramLabel = "P", description = "SLURM partition.")
  String partition;

  @Option(names = "--account", paramLabel = "A", description = "SLURM account.")
  String account;

  @Option(names = "--time-per-run", paramLabel = "DURATION",
      description = "SLURM time limit of a run, e.g. 2h (default: from the problem and budget).")
  String timePerRun;

  @Option(names = "--cpus-per-run", paramLabel = "N",
      description = "SLURM cpus per run and the run's threads (default: the paper's cores with"
          + " --budget paper, else 1).")
  Integer cpusPerRun;

  @Option(names = "--mem-per-run", paramLabel = "SIZE",
      description = "SLURM memory per run, e.g. 8G (default: the run's memory estimate).")
  String memPerRun;

  @Option(names = "--out", paramLabel = "DIR", description = "Reproduction directory.")
  Path out;

  @Option(names = "--status", paramLabel = "DIR",
      description = "Show pending/running/done/failed runs per cell of DIR and exit.")
  Path status;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Aggregate the finished runs of DIR into its report and exit.")
  Path report;

  @Mixin
  SharedOptions.Data data;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private PrintWriter err;

  @Override
  public Integer call() throws IOException, InterruptedException {
    err = spec.commandLine().getErr();
    if (status != null || report != null) {
      Path dir = status != null ? status : report;
      GridSpec g = GridSpec.read(dir);
      if (g == null) {
        throw new UsageException("'" + dir + "' is not a reproduction directory (no "
            + GridSpec.FILE + "; start one with 'gmmvi reproduce --out DIR')");
      }
      GridPlan plan = plan(g, dir);
      if (status != null) {
        PrintWriter o = spec.commandLine().getOut();
        o.print(GridStatus.of(dir, plan, "slurm".equals(g.executor())).render());
        o.flush();
        return 0;
      }
      writeReport(dir, g, plan, List.of());
      return 0;
    }
    if (out == null) {
      throw new UsageException("reproduce needs --out DIR (the directory that holds the runs and"
          + " the report), or --status DIR / --report DIR");
    }
    GridSpec g = gridSpec();
    GridPlan plan = plan(g, out);
    List<org.gmmvi.cli.reproduce.RunTask> todo = plan.missing();
    int par = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    Executor ex = executor(plan, par);
    g.write(out);
    err.printf(Locale.ROOT, "reproduce: %d runs to do, %d already complete in %s, executor %s%s%n",
        todo.size(), plan.tasks().size() - todo.size(), out.toAbsolutePath().normalize(),
        ex.name(), ex instanceof SlurmExecutor ? "" : ", at most " + par + " in parallel");
    err.flush();
    Executor.Result r = ex.execute(out, g.dataDir(), todo, err);
    if (r.submitted() > 0) {
      err.println("reproduce: " + r.submitted() + " run(s) submitted; follow them with"
          + " 'gmmvi reproduce --status " + out + "', aggregate with 'gmmvi reproduce --report "
          + out + "', and rerun this command to resubmit failed or cancelled runs");
    }
    writeReport(out, g, plan, List.of(ex.name() + " executor, at most " + par
        + " runs in parallel on " + Runtime.getRuntime().availableProcessors() + " cores"));
    if (r.failed() > 0) {
      err.println("reproduce: " + r.failed() + " run(s) failed; see their final.json and"
          + " runner.log");
      err.flush();
      return Main.EXIT_FAILURE;
    }
    return 0;
  }

  private GridSpec gridSpec() {
    if (seeds < 1) {
      throw new UsageException("--seeds must be >= 1, got " + seeds);
    }
    String b = budget.toLowerCase(Locale.ROOT);
    if (!List.of("full", "smoke", "paper").contains(b)) {
      throw new UsageException("--budget must be 'smoke', 'full' or 'paper', got '" + budget
          + "'");
    }
    if (maxEvals != null && (maxEvals < 1 || b.equals("paper"))) {
      throw new UsageException(b.equals("paper") ? "--max-evals and --budget paper exclude each"
          + " other (the paper's budget is wall-clock)" : "--max-evals must be >= 1");
    }
    List<String> ps = problems.size() == 1 && problems.get(0).equalsIgnoreCase("all")
        ? EXPERIMENT3_PROBLEMS : problems;
    List<String> cws = (algorithms.size() == 1 && algorithms.get(0).equalsIgnoreCase("all")
        ? EXPERIMENT3_ALGORITHMS : algorithms).stream().map(RunCommand::codeword).toList();
    for (String p : ps) {
      checkData(data.problem(p));
    }
    String dd = DataDirectory.resolve(data.dataDir).root().toAbsolutePath().toString();
    return new GridSpec(List.copyOf(ps), cws, seeds, startSeed, b, maxEvals, maxIterations, dd,
        executor.toLowerCase(Locale.ROOT));
  }

  /** Missing data is reported before the grid starts: every problem is built once. */
  private void checkData(RunProblem p) {
    try {
      p.instantiate(startSeed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private GridPlan plan(GridSpec g, Path root) {
    SharedOptions.Data d = new SharedOptions.Data();
    d.dataDir = g.dataDir();
    DataDirectory dir = DataDirectory.resolve(g.dataDir());
    boolean slurm = "slurm".equals(g.executor());
    int par = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    try {
      return GridPlan.of(g, root, name -> {
        RegistryProblem rp = (RegistryProblem) d.problem(name);
        PaperBudget pb = PaperBudget.of(rp.problem(), dir).orElse(null);
        long bytes = 0;
        for (String f : rp.problem().dataFiles()) {
          try {
            bytes += Files.size(dir.file(f));
          } catch (IOException | RuntimeException e) {
            // missing data is reported when the run starts
          }
        }
        return new GridPlan.ProblemFacts(rp, pb, bytes);
      }, pb -> threadsPerRun(pb, slurm, par, "paper".equals(g.budget())));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * Threads of one run: {@code --cpus-per-run}; else with the paper's budget its cores (locally at
   * most the available processors); else one thread when several runs share the machine.
   */
  private int threadsPerRun(PaperBudget pb, boolean slurm, int par, boolean paperBudget) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cpusPerRun != null) {
      if (cpusPerRun < 1) {
        throw new UsageException("--cpus-per-run must be >= 1, got " + cpusPerRun);
      }
      return cpusPerRun;
    }
    if (paperBudget && pb != null) {
      return slurm ? pb.cores() : Math.min(pb.cores(), Math.max(1, cores / par));
    }
    return slurm ? 1 : par > 1 ? 1 : cores;
  }

  private Executor executor(GridPlan plan, int par) {
    if (par < 1) {
      throw new UsageException("--parallel must be >= 1, got " + par);
    }
    try {
      return switch (executor.toLowerCase(Locale.ROOT)) {
        case "local" -> new LocalProcessExecutor(par, memory != null
            ? ResourceEstimate.parseSize(memory) : LocalProcessExecutor.defaultMemoryBudget());
        case "threads" -> new ThreadExecutor(par, data::problem);
        case "slurm" -> {
          Map<String, Duration> times = new LinkedHashMap<>();
          plan.cells().forEach((k, c) -> times.put(k, c.slurmTime()));
          yield new SlurmExecutor(new SlurmExecutor.Options(partition, account,
              timePerRun == null ? null : TimeLimit.parse(timePerRun), cpusPerRun,
              memPerRun == null ? null : ResourceEstimate.parseSize(memPerRun)), times);
        }
        default -> throw new UsageException("--executor must be local, slurm or threads, got '"
            + executor + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private void writeReport(Path root, GridSpec g, GridPlan plan, List<String> extra)
      throws IOException {
    List<ReportWriter.Expected> expected = new ArrayList<>();
    for (GridPlan.CellPlan c : plan.cells().values()) {
      expected.add(new ReportWriter.Expected(c.problem(), c.codeword(), g.seedList(),
          c.budgetUsed(), c.paperBudget(), c.comparable()));
    }
    List<String> header = new ArrayList<>();
    header.add("budget: " + (g.maxEvals() != null ? g.maxEvals() + " target evaluations per run"
        : g.budget().equals("paper") ? "the paper's wall-clock limit per problem (PAPER-RESULTS.md)"
        : g.budget() + " (PROBLEMS.md §3.5)") + ", seeds " + g.startSeed() + ".."
        + (g.startSeed() + g.seeds() - 1));
    header.add("kernel backend: " + KernelProvider.get().name() + ", git revision: "
        + GitRevision.ofProject() + ", JDK " + Runtime.version());
    header.addAll(extra);
    ReportWriter.write(root, g.problems(), g.codewords(), header, expected);
    err.println("report: " + root.resolve("report.md").toAbsolutePath().normalize() + " and "
        + root.resolve("report.html").toAbsolutePath().normalize());
    err.flush();
  }
}
