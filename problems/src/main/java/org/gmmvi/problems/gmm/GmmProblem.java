package org.gmmvi.problems.gmm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmmvi.problems.Budget;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.ProblemConfigs;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.metrics.DetectedModes;
import org.gmmvi.problems.mixture.MixtureFiles;
import org.gmmvi.problems.numpy.NumpyTargetRecipes;

/**
 * GMM20 / GMM100 (PROBLEMS.md §4.5): a random 10-component Gaussian mixture per run seed. The target
 * of seed {@code s} is read from {@code targets/gmm<D>/seed<s>/} when shipped (seeds 10000–10009),
 * otherwise regenerated with the numpy recipe ({@link NumpyTargetRecipes#gmm}, bit-exact with the
 * shipped files, so no data are needed at all). Metric: {@code detected_modes} (threshold
 * {@code 6√D}).
 */
public final class GmmProblem implements Problem {

  /** Number of target components. */
  public static final int COMPONENTS = 10;

  private final int dim;

  private GmmProblem(int dim) {
    this.dim = dim;
  }

  /** GMM20 and GMM100. */
  public static List<Problem> all() {
    return List.of(new GmmProblem(20), new GmmProblem(100));
  }

  @Override
  public String name() {
    return "gmm" + dim;
  }

  @Override
  public int dimension() {
    return dim;
  }

  @Override
  public String description() {
    return "random 10-component Gaussian mixture in " + dim + " dimensions (new target per seed)";
  }

  /** None required: {@code targets/<name>/seed<seed>/} is read when present, else regenerated. */
  @Override
  public List<String> dataFiles() {
    return List.of();
  }

  /**
   * Budgets in target evaluations. GMM20 deviates from PROBLEMS.md §3.5 (full 1.0 M / smoke 0.8 M),
   * measured with SAMTRON's tuned Experiment-3 setting (K0 = 5, 300 new samples per component, a
   * component added every 30 iterations): seeds 10000 and 10002 had found 9 of the 10 modes at
   * 0.8 M (−ELBO = ln(10/9) = 0.105) and all 10 by 1.14 M (−ELBO 0.000); seed 10001 by 0.8 M. The
   * smoke budget must let all modes be found (§3.5's stated intent), so it is 1.2 M, and the full
   * budget 2.0 M.
   */
  @Override
  public Budget budget() {
    return dim == 20 ? Budget.of(2_000_000L, 1_200_000L) : Budget.of(3_000_000L, 200_000L);
  }

  @Override
  public int defaultLogInterval() {
    return 100;
  }

  @Override
  public Optional<String> referenceId() {
    return Optional.of("GMM" + dim);
  }

  @Override
  public Map<String, Object> defaultExperimentConfig() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("num_dimensions", dim);
    return ProblemConfigs.defaults("GMM", env, 1, 31.63, 1000.0, defaultLogInterval(),
        ProblemConfigs.DEFAULT_MAX_DATABASE_SIZE);
  }

  /** The target of run seed {@code seed}: shipped files if present, else the numpy recipe. */
  public GmmTarget target(long seed, DataDirectory data) {
    String name = name() + "/seed" + seed;
    if (MixtureFiles.shipped(data, name(), seed)) {
      String folder = MixtureFiles.folder(name(), seed);
      return GmmTarget.of(name, MixtureFiles.weights(data, folder, COMPONENTS),
          MixtureFiles.means(data, folder, COMPONENTS, dim),
          MixtureFiles.matrices(data, folder, "covs", COMPONENTS, dim));
    }
    NumpyTargetRecipes.MixtureParameters p = NumpyTargetRecipes.gmm(seed, dim, COMPONENTS);
    return GmmTarget.of(name, p.weights(), p.means(), p.matrices());
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    GmmTarget t = target(seed, data);
    double[] targetMeans = t.means();
    return new ProblemInstance(this, seed, t, (samples, m, logQ, means, k) ->
        Map.of("detected_modes",
            (double) DetectedModes.count(targetMeans, java.util.Arrays.copyOf(means, k * dim),
                dim)));
  }

  /** GMM20 and GMM100, for the registry ({@code META-INF/services/org.gmmvi.problems.ProblemFamily}). */
  public static final class Family implements org.gmmvi.problems.ProblemFamily {
    @Override
    public List<Problem> problems() {
      return all();
    }
  }
}
