package org.gmmvi.problems.numpy;

/**
 * The reference's numpy recipes for its random targets, replayed with {@link NumpyLegacyRandom}
 * (PROBLEMS.md §4.5, §4.6, §7). All matrices are row-major flat arrays.
 */
public final class NumpyTargetRecipes {

  private NumpyTargetRecipes() {}

  /** Parameters of a generated mixture: weights (K), means (K × D), matrices (K × D × D). */
  public record MixtureParameters(int numComponents, int dimension, double[] weights,
      double[] means, double[] matrices) {}

  /**
   * The GMM target of {@code np.random.seed(seed)} (§4.5): for each of the 10 components in order,
   * {@code μ_k = 100·(u − 0.5)} from {@code D} uniform draws, then {@code A_k = 0.1 · normal(0, D)}
   * ({@code D·D} draws, row-major) and {@code Σ_k = A_kᵀ A_k + I}; weights {@code 1/10}.
   */
  public static MixtureParameters gmm(long seed, int dimension) {
    return gmm(seed, dimension, 10);
  }

  /** As {@link #gmm(long, int)} with {@code numComponents} components. */
  public static MixtureParameters gmm(long seed, int dimension, int numComponents) {
    requirePositive(dimension, numComponents);
    NumpyLegacyRandom rng = new NumpyLegacyRandom(seed);
    int d = dimension;
    double[] means = new double[numComponents * d];
    double[] covs = new double[numComponents * d * d];
    double[] a = new double[d * d];
    for (int k = 0; k < numComponents; k++) {
      for (int j = 0; j < d; j++) {
        means[k * d + j] = 100.0 * (rng.randomSample() - 0.5);
      }
      for (int i = 0; i < d * d; i++) {
        a[i] = 0.1 * rng.normal(0.0, d);
      }
      gramPlusIdentity(a, d, covs, k * d * d);
    }
    return new MixtureParameters(numComponents, d, uniform(numComponents), means, covs);
  }

  /**
   * The numpy part of the STM target of {@code np.random.seed(seed)} (§4.6): for each component in
   * order {@code A_k = 0.1·D·Z_k} with {@code D·D} standard-normal draws {@code Z_k} (row-major) and
   * the precision {@code P_k = A_kᵀ A_k + I}. The returned means are zero: the reference draws the
   * locations with TensorFlow (see {@link #substituteLocations}).
   */
  public static double[] stmPrecisions(long seed, int dimension, int numComponents) {
    requirePositive(dimension, numComponents);
    NumpyLegacyRandom rng = new NumpyLegacyRandom(seed);
    int d = dimension;
    double[] prec = new double[numComponents * d * d];
    double[] a = new double[d * d];
    double factor = 0.1 * d;
    for (int k = 0; k < numComponents; k++) {
      for (int i = 0; i < d * d; i++) {
        a[i] = factor * rng.normal(0.0, 1.0);
      }
      gramPlusIdentity(a, d, prec, k * d * d);
    }
    return prec;
  }

  /**
   * The shipped substitute STM locations (shared/data/README.md): numpy {@code RandomState(r)},
   * per component {@code random_sample(D)·2s − s}.
   */
  public static double[] substituteLocations(long r, int dimension, int numComponents,
      double halfWidth) {
    requirePositive(dimension, numComponents);
    NumpyLegacyRandom rng = new NumpyLegacyRandom(r);
    double[] m = new double[numComponents * dimension];
    for (int i = 0; i < m.length; i++) {
      m[i] = rng.randomSample() * (2.0 * halfWidth) - halfWidth;
    }
    return m;
  }

  /**
   * {@code out[off..] = AᵀA + I} for a row-major {@code d × d} matrix {@code A}. Every entry is
   * accumulated in index order with fused multiply-adds, starting from zero, and the identity is
   * added afterwards: the rounding of OpenBLAS's double-precision GEMM/SYRK micro-kernels that numpy
   * used, so the shipped targets are reproduced bit for bit.
   */
  static void gramPlusIdentity(double[] a, int d, double[] out, int off) {
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0.0;
        for (int p = 0; p < d; p++) {
          s = Math.fma(a[p * d + i], a[p * d + j], s);
        }
        out[off + i * d + j] = s;
        out[off + j * d + i] = s;
      }
      out[off + i * d + i] += 1.0;
    }
  }

  private static double[] uniform(int k) {
    double[] w = new double[k];
    java.util.Arrays.fill(w, 1.0 / k);
    return w;
  }

  private static void requirePositive(int d, int k) {
    if (d <= 0 || k <= 0) {
      throw new IllegalArgumentException("dimension and number of components must be positive, got"
          + " D=" + d + ", K=" + k);
    }
  }
}
