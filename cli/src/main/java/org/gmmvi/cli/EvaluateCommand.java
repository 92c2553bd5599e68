package org.gmmvi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.ModelFiles;
import org.gmmvi.cli.run.RegistryProblem;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.UserTargetProblem;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.ElboEstimator;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.parallel.ParallelKernels;
import org.gmmvi.problems.io.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gmmvi evaluate}: the −ELBO of a saved model ({@code model.json} of a run) on a problem,
 * from many samples and with its standard error. The runs log the reference's 2000-sample
 * estimate, whose Monte-Carlo noise (about ±0.02 on breast_cancer) is as large as the differences
 * the paper reports; this command measures a final model precisely.
 *
 * The estimate is {@link ElboEstimator#precise}: {@code −ELBO = −mean(r)}, {@code SE =
 * std(r)/√m}, {@code r = log p̃(x) − log q(x)}, {@code x ~ q}.
 *
 * <p>The target is the run's own: when the model lies in a run directory ({@code run.json} beside
 * {@code model.json}), problem, run seed, data directory and user target class are taken from
 * {@code run.json}, because several problems (gmm20, stm300, ...) build a different target for
 * every seed. An explicit {@code --problem} that contradicts the run is an error; an explicit
 * {@code --seed} that differs from the run's seed is evaluated but warned about on stderr.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Estimate the -ELBO of a saved model (a run's model.json) on its problem from"
        + " many samples, with its standard error.",
        "Given a run directory (or its model.json), problem, seed, data directory and user target"
        + " class are read from the run's run.json."})
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--problem", paramLabel = "NAME",
      description = "Paper problem (see 'gmmvi list problems'); default: the run's problem from"
          + " run.json. Required for a model.json outside a run directory.")
  String problem;

  @Option(names = "--model", paramLabel = "FILE|DIR", required = true,
      description = "model.json of a run, or the run directory.")
  Path model;

  @Option(names = "--samples", paramLabel = "M",
      description = "Number of samples (default ${DEFAULT-VALUE}).")
  int samples = 100_000;

  @Option(names = "--seed", paramLabel = "N",
      description = "Run seed that selects the target instance (gmm20, stm300, mini-batch"
          + " targets); default: the run's seed from run.json, else 1.")
  Long seed;

  @Option(names = "--sample-seed", paramLabel = "N",
      description = "Seed of the model samples (default ${DEFAULT-VALUE}).")
  long sampleSeed = 1;

  @Mixin
  SharedOptions.Threads threads;

  @Mixin
  SharedOptions.Data data;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Default target seed of a model without a run directory (the seed evaluate always used). */
  static final long DEFAULT_SEED = 1;

  @Override
  public Integer call() throws IOException {
    if (samples < 2) {
      throw new UsageException("--samples must be >= 2, got " + samples);
    }
    int t = threads.count();
    Map<String, Object> run = runDescription(model);
    RunProblem p = problem(run);
    long targetSeed = targetSeed(run, p.name());
    GmmModel q = readModel(p.name(), p.dimension(), t);
    Target target = p.instantiate(targetSeed).target();
    ElboEstimator.PreciseElbo r = ElboEstimator.precise(q, target, samples, new Rng(sampleSeed));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s (seed %d%s): %s (K=%d, D=%d)%n", p.name(), targetSeed,
        run == null ? "" : ", from run.json", model, q.numComponents(), q.dimension());
    out.printf(Locale.ROOT, "-ELBO %.4f ± %.4f (standard error; %,d samples, sample seed %d)%n",
        r.negElbo(), r.standardError(), samples, sampleSeed);
    out.printf(Locale.ROOT, "entropy %.4f, mean log target %.4f%n", r.entropy(),
        r.meanLogTarget());
    out.flush();
    return 0;
  }

  /**
   * The {@code run.json} of the run directory holding the model ({@code --model} is the directory
   * or a file in it), or null when there is none.
   */
  static Map<String, Object> runDescription(Path model) throws IOException {
    Path dir = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
    Path f = dir == null ? null : dir.resolve("run.json");
    if (f == null || !Files.isRegularFile(f)) {
      return null;
    }
    try {
      return Json.readObject(f);
    } catch (IOException e) {
      throw new UsageException("cannot read '" + f + "': " + e.getMessage(), e);
    }
  }

  /** The run's problem, or {@code --problem}; an explicit problem must agree with the run's. */
  private RunProblem problem(Map<String, Object> run) {
    if (run == null) {
      if (problem == null) {
        throw new UsageException("'" + model + "' is not in a run directory (no run.json beside"
            + " the model): give --problem NAME");
      }
      return data.problem(problem);
    }
    String recorded = String.valueOf(run.get("problem"));
    if (problem != null && !problem.equals(recorded)) {
      throw new UsageException("the model in '" + model + "' was trained on problem '" + recorded
          + "' (run.json), not '" + problem + "'; omit --problem to evaluate it on its own target");
    }
    if (run.get("target_class") instanceof String cls) {
      return new UserTargetProblem(cls, (String) run.get("classpath"));
    }
    if (data.dataDir == null && run.get("data_dir") instanceof String dir
        && Files.isDirectory(Path.of(dir))) {
      return new RegistryProblem(SharedOptions.Data.lookup(recorded), DataDirectory.of(Path.of(dir)));
    }
    return data.problem(recorded);
  }

  /** The run's seed, or {@code --seed}; a different explicit seed is warned about loudly. */
  private long targetSeed(Map<String, Object> run, String name) {
    if (run == null || !(run.get("seed") instanceof Number n)) {
      return seed != null ? seed : DEFAULT_SEED;
    }
    long recorded = n.longValue();
    if (seed != null && seed != recorded) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("gmmvi: WARNING: --seed " + seed + " differs from the run's seed " + recorded
          + " (run.json): '" + name + "' may build a different target for this seed than the one"
          + " the model was trained on");
      err.flush();
      return seed;
    }
    return recorded;
  }

  private GmmModel readModel(String name, int dimension, int t) throws IOException {
    GmmModel q;
    try {
      q = ModelFiles.read(model);
    } catch (NoSuchFileException e) {
      throw new UsageException("no model file at '" + e.getFile() + "' (give a run's model.json"
          + " or its directory)", e);
    } catch (IllegalArgumentException e) {
      throw new UsageException("cannot read the model: " + e.getMessage(), e);
    }
    if (q.dimension() != dimension) {
      throw new UsageException("the model has dimension " + q.dimension() + ", but problem '"
          + name + "' has dimension " + dimension);
    }
    return q.withKernels(ParallelKernels.of(q.kernels(), t));
  }
}
