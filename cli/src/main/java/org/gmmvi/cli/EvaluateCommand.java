package org.gmmvi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gmmvi.cli.io.ModelFiles;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.ElboEstimator;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.parallel.ParallelKernels;
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
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Estimate the -ELBO of a saved model (a run's model.json) on a problem from many"
        + " samples, with its standard error.")
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--problem", paramLabel = "NAME", required = true,
      description = "Paper problem (see 'gmmvi list problems').")
  String problem;

  @Option(names = "--model", paramLabel = "FILE|DIR", required = true,
      description = "model.json of a run, or the run directory.")
  Path model;

  @Option(names = "--samples", paramLabel = "M",
      description = "Number of samples (default ${DEFAULT-VALUE}).")
  int samples = 100_000;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the samples and of a mini-batch target (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of the mixture kernels (default: available processors).")
  Integer threads;

  @Mixin
  SharedOptions.Data data;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (samples < 2) {
      throw new UsageException("--samples must be >= 2, got " + samples);
    }
    int t = SharedOptions.threads(threads);
    RunProblem p = data.problem(problem);
    GmmModel q = readModel(p.dimension(), t);
    Target target = p.instantiate(seed).target();
    ElboEstimator.PreciseElbo r = ElboEstimator.precise(q, target, samples, new Rng(seed));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: %s (K=%d, D=%d)%n", p.name(), model, q.numComponents(),
        q.dimension());
    out.printf(Locale.ROOT, "-ELBO %.4f ± %.4f (standard error; %,d samples, seed %d)%n",
        r.negElbo(), r.standardError(), samples, seed);
    out.printf(Locale.ROOT, "entropy %.4f, mean log target %.4f%n", r.entropy(),
        r.meanLogTarget());
    out.flush();
    return 0;
  }

  private GmmModel readModel(int dimension, int t) throws IOException {
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
          + problem + "' has dimension " + dimension);
    }
    return q.withKernels(ParallelKernels.of(q.kernels(), t));
  }
}
