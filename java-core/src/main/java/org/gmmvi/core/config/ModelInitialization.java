package org.gmmvi.core.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model_initialization} (ALGORITHM.md §1.5). Vector-valued entries hold either one value (a
 * scalar in the config, broadcast to every dimension) or {@code D} values.
 *
 * @param numInitialComponents {@code num_initial_components} {@code K0} (≥ 1)
 * @param priorMean            {@code prior_mean} (length 1 or D), or {@code null} (no prior; only
 *                             allowed when an initial model is given)
 * @param priorScale           {@code prior_scale}: standard deviation for drawing initial means when
 *                             {@code K0 > 1} (length 1 or D, > 0), or {@code null}
 * @param initialCov           {@code initial_cov}: variance of the initial components (length 1 or D,
 *                             > 0), or {@code null} (then {@code prior_scale²})
 * @param useDiagonalCovs      {@code use_diagonal_covs}
 */
public record ModelInitialization(int numInitialComponents, double[] priorMean,
    double[] priorScale, double[] initialCov, boolean useDiagonalCovs) {

  static final String[] KEYS = {"num_initial_components", "prior_mean", "prior_scale",
      "initial_cov", "use_diagonal_covs"};

  static ModelInitialization parse(ConfigSection s) {
    int k0 = s.intAtLeast("num_initial_components", 1, "K0, the initial number of components");
    double[] mean = s.has("prior_mean")
        ? s.scalarOrVector("prior_mean", "mean of the prior / initial component means") : null;
    double[] scale = s.has("prior_scale")
        ? s.scalarOrVector("prior_scale", "standard deviation for the initial means") : null;
    double[] cov = s.has("initial_cov")
        ? s.scalarOrVector("initial_cov", "variance of the initial components") : null;
    boolean diag = s.boolOr("use_diagonal_covs", false, "diagonal covariances");
    s.finish();
    checkPositive(scale, "prior_scale");
    checkPositive(cov, "initial_cov");
    return new ModelInitialization(k0, mean, scale, cov, diag);
  }

  private static void checkPositive(double[] v, String key) {
    if (v != null) {
      for (int i = 0; i < v.length; i++) {
        if (!(v[i] > 0)) {
          throw new ConfigException("model_initialization." + key + " must be > 0, got "
              + Arrays.toString(v));
        }
      }
    }
  }

  /**
   * Checks the lengths against the target dimension and that the keys needed to build an initial
   * model are present.
   *
   * @param needModel whether the initial model is built from this section (no model was given)
   */
  public void validate(int d, boolean needModel) {
    checkLength(priorMean, "prior_mean", d);
    checkLength(priorScale, "prior_scale", d);
    checkLength(initialCov, "initial_cov", d);
    if (needModel) {
      if (priorMean == null) {
        throw new ConfigException("model_initialization.prior_mean is required to build the "
            + "initial model (scalar or list of " + d + " numbers)");
      }
      if (initialCov == null && priorScale == null) {
        throw new ConfigException("model_initialization needs initial_cov or prior_scale to build "
            + "the initial covariances");
      }
      if (numInitialComponents > 1 && priorScale == null) {
        throw new ConfigException("model_initialization.prior_scale is required for "
            + "num_initial_components = " + numInitialComponents + " > 1 (initial means are drawn "
            + "as prior_mean + prior_scale * z)");
      }
    }
  }

  private static void checkLength(double[] v, String key, int d) {
    if (v != null && v.length != 1 && v.length != d) {
      throw new ConfigException("model_initialization." + key + " has " + v.length
          + " entries, but the target has dimension " + d + " (give a scalar or " + d
          + " numbers)");
    }
  }

  /** Broadcasts a length-1 or length-D vector to length {@code d} ({@code null} stays null). */
  public static double[] expand(double[] v, int d) {
    if (v == null) {
      return null;
    }
    if (v.length == d) {
      return v.clone();
    }
    double[] out = new double[d];
    Arrays.fill(out, v[0]);
    return out;
  }

  /** The variance of the initial components ({@code initial_cov}, else {@code prior_scale²}), length D. */
  public double[] initialVariance(int d) {
    if (initialCov != null) {
      return expand(initialCov, d);
    }
    double[] s = expand(priorScale, d);
    for (int i = 0; i < d; i++) {
      s[i] *= s[i];
    }
    return s;
  }

  /** Whether the component-adaptation prior {@code N(prior_mean, diag(initial_cov))} exists (§1.5). */
  public boolean hasPrior() {
    return priorMean != null && initialCov != null;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("num_initial_components", numInitialComponents);
    m.put("prior_mean", value(priorMean));
    m.put("prior_scale", value(priorScale));
    m.put("initial_cov", value(initialCov));
    m.put("use_diagonal_covs", useDiagonalCovs);
    return m;
  }

  private static Object value(double[] v) {
    return v == null ? null : v.length == 1 ? (Object) v[0] : YamlConfig.list(v);
  }
}
