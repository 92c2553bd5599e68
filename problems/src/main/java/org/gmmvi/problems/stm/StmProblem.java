package org.gmmvi.problems.stm;

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
 * STM20 / STM300 (PROBLEMS.md §4.6): mixtures of multivariate Student-t distributions with ν = 2
 * and uniform weights; STM20: D = 20, K = 10, locations in [−20, 20]; STM300: D = 300, K = 20,
 * locations in [−25, 25].
 *
 * <p>The target of seed {@code s} is read from {@code targets/stm<D>/seed<s>/} when shipped (STM20:
 * seeds 10000–10009; STM300: seed 10000 only). Otherwise it is regenerated: the precisions with the
 * numpy recipe for seed {@code s} ({@link NumpyTargetRecipes#stmPrecisions}, exact; for STM300
 * rounded to float32 through the shortest decimal, as the shipped STM300 file), and the substitute
 * locations from numpy {@code RandomState(s − 10000)} as the shipped files do
 * ({@link NumpyTargetRecipes#substituteLocations}); seeds below 10000 have no substitute locations
 * and are rejected. Metric: {@code detected_modes} (threshold {@code 6√D}).
 */
public final class StmProblem implements Problem {

  /** Degrees of freedom of every component. */
  public static final double NU = 2.0;

  private final int dim;
  private final int components;
  private final double halfWidth;

  private StmProblem(int dim, int components, double halfWidth) {
    this.dim = dim;
    this.components = components;
    this.halfWidth = halfWidth;
  }

  /** STM20 and STM300. */
  public static List<Problem> all() {
    return List.of(new StmProblem(20, 10, 20.0), new StmProblem(300, 20, 25.0));
  }

  private boolean harder() {
    return dim == 300;
  }

  @Override
  public String name() {
    return "stm" + dim;
  }

  @Override
  public int dimension() {
    return dim;
  }

  @Override
  public String description() {
    return "mixture of " + components + " Student-t components (nu = 2) in " + dim
        + " dimensions (substitute locations)";
  }

  /** None required: {@code targets/<name>/seed<seed>/} is read when present, else regenerated. */
  @Override
  public List<String> dataFiles() {
    return List.of();
  }

  @Override
  public Budget budget() {
    return harder() ? Budget.of(1_600_000L, 100_000L) : Budget.of(4_500_000L, 200_000L);
  }

  @Override
  public int defaultLogInterval() {
    return harder() ? 50 : 1000;
  }

  @Override
  public Optional<String> referenceId() {
    return Optional.of("STM" + dim);
  }

  @Override
  public Map<String, Object> defaultExperimentConfig() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("num_dimensions", dim);
    env.put("harder_setting", harder());
    env.put("use_matlab_target", false);
    return ProblemConfigs.defaults("STM", env, 20, 100.0, 300.0, defaultLogInterval(),
        harder() ? 100_000L : ProblemConfigs.DEFAULT_MAX_DATABASE_SIZE);
  }

  /** The target of run seed {@code seed} (shipped files, else regenerated; see class doc). */
  public StmTarget target(long seed, DataDirectory data) {
    String name = name() + "/seed" + seed;
    if (MixtureFiles.shipped(data, name(), seed)) {
      String folder = MixtureFiles.folder(name(), seed);
      return StmTarget.of(name, MixtureFiles.weights(data, folder, components),
          MixtureFiles.means(data, folder, components, dim),
          MixtureFiles.matrices(data, folder, "precisions", components, dim), NU);
    }
    return regenerate(seed);
  }

  /** The regenerated target of {@code seed ≥ 10000} (see class doc). */
  public StmTarget regenerate(long seed) {
    long r = seed - ProblemConfigs.START_SEED;
    if (r < 0) {
      throw new IllegalArgumentException(name() + ": no target for seed " + seed + ": the "
          + "substitute locations are defined for run seeds 10000 + r (r >= 0) only (numpy "
          + "RandomState(r)); the reference drew them with TensorFlow, which cannot be replayed");
    }
    double[] prec = NumpyTargetRecipes.stmPrecisions(seed, dim, components);
    if (harder()) {
      for (int i = 0; i < prec.length; i++) {
        prec[i] = Double.parseDouble(Float.toString((float) prec[i]));
      }
    }
    double[] loc = NumpyTargetRecipes.substituteLocations(r, dim, components, halfWidth);
    double[] w = new double[components];
    java.util.Arrays.fill(w, 1.0 / components);
    return StmTarget.of(name() + "/seed" + seed, w, loc, prec, NU);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    StmTarget t = target(seed, data);
    double[] targetMeans = t.means();
    return new ProblemInstance(this, seed, t, (samples, m, logQ, means, k) ->
        Map.of("detected_modes",
            (double) DetectedModes.count(targetMeans, java.util.Arrays.copyOf(means, k * dim),
                dim)));
  }

  /** STM20 and STM300, for the registry ({@code META-INF/services/org.gmmvi.problems.ProblemFamily}). */
  public static final class Family implements org.gmmvi.problems.ProblemFamily {
    @Override
    public List<Problem> problems() {
      return all();
    }
  }
}
