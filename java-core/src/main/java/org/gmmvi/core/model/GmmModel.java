package org.gmmvi.core.model;

import java.util.Arrays;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;

/**
 * A Gaussian mixture {@code q(x) = Σ_o w_o N(x; μ_o, L_o L_oᵀ)} on {@code R^D} (ALGORITHM.md §0, §1.3).
 *
 * <p>State, all row-major in flat arrays that grow with the number of components {@code K}:
 * <ul>
 *   <li>{@code logWeights}: {@code K} log-weights, normalised so that {@code Σ exp = 1};</li>
 *   <li>{@code means}: {@code K × D};</li>
 *   <li>{@code chols}: full covariances: lower Cholesky factors, {@code K × D × D}; diagonal
 *       covariances: standard deviations {@code σ_o}, {@code K × D} ({@code L_o = diag(σ_o)}).</li>
 * </ul>
 * The raw arrays are exposed ({@link #meansArray()}, {@link #cholsArray()}) for the kernels and the
 * optimizer's modules; their length may exceed the used part. Densities go through the
 * {@link Kernels} given at construction (by default {@link KernelProvider#get()}).
 *
 * <p>Not thread-safe.
 */
public final class GmmModel {

  /** The float32 constant of the reference: weight of a newly added component. */
  public static final double NEW_COMPONENT_WEIGHT = 1e-29;

  private final int d;
  private final boolean diagonal;
  private final Kernels kernels;
  private int k;
  private double[] logWeights;
  private double[] means;
  private double[] chols;

  private GmmModel(int d, boolean diagonal, Kernels kernels, int k, double[] logWeights,
      double[] means, double[] chols) {
    this.d = d;
    this.diagonal = diagonal;
    this.kernels = kernels;
    this.k = k;
    this.logWeights = logWeights;
    this.means = means;
    this.chols = chols;
  }

  /**
   * A full-covariance model from log-weights ({@code K}, normalised here), means ({@code K × D}) and
   * lower Cholesky factors ({@code K × D × D}, positive diagonal). Arrays are copied.
   */
  public static GmmModel full(double[] logWeights, double[] means, double[] chols, int d) {
    return create(logWeights, means, chols, d, false, KernelProvider.get());
  }

  /** A diagonal-covariance model; {@code stds} ({@code K × D}) are standard deviations. */
  public static GmmModel diagonal(double[] logWeights, double[] means, double[] stds, int d) {
    return create(logWeights, means, stds, d, true, KernelProvider.get());
  }

  /** As {@link #full} / {@link #diagonal}, with an explicit kernel backend. */
  public static GmmModel create(double[] logWeights, double[] means, double[] chols, int d,
      boolean diagonal, Kernels kernels) {
    if (d < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + d);
    }
    int k = logWeights.length;
    if (k < 1) {
      throw new IllegalArgumentException("a mixture needs at least one component");
    }
    int per = diagonal ? d : d * d;
    if (means.length != k * d) {
      throw new IllegalArgumentException("means must have K*D = " + k + "*" + d + " = " + (k * d)
          + " entries, got " + means.length);
    }
    if (chols.length != k * per) {
      throw new IllegalArgumentException((diagonal ? "standard deviations" : "Cholesky factors")
          + " must have " + k * per + " entries (K=" + k + ", D=" + d + "), got " + chols.length);
    }
    for (int o = 0; o < k; o++) {
      checkFactor(chols, o * per, d, diagonal, o);
    }
    for (double v : means) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("means must be finite, got " + v);
      }
    }
    boolean anyFinite = false;
    for (int o = 0; o < k; o++) {
      double lw = logWeights[o];
      if (Double.isNaN(lw) || lw == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("log-weight of component " + o
            + " must be finite or -Infinity, got " + lw);
      }
      anyFinite |= lw > Double.NEGATIVE_INFINITY;
    }
    if (!anyFinite) {
      throw new IllegalArgumentException("at least one component needs a positive weight");
    }
    GmmModel m = new GmmModel(d, diagonal, kernels, k, logWeights.clone(), means.clone(),
        chols.clone());
    LogMath.normalizeLog(m.logWeights, 0, k);
    return m;
  }

  /**
   * A model from covariance matrices ({@code K × D × D}, symmetric positive definite; only the lower
   * triangle is read).
   *
   * @throws IllegalArgumentException naming the component if a covariance is not positive definite
   */
  public static GmmModel fromCovariances(double[] weights, double[] means, double[] covs, int d) {
    Kernels kern = KernelProvider.get();
    int k = weights.length;
    if (covs.length != k * d * d) {
      throw new IllegalArgumentException("covariances must have K*D*D = " + (k * d * d)
          + " entries, got " + covs.length);
    }
    double[] chols = covs.clone();
    for (int o = 0; o < k; o++) {
      if (!kern.dense().cholesky(chols, o * d * d, d)) {
        throw new IllegalArgumentException("covariance of component " + o
            + " is not positive definite");
      }
    }
    double[] logw = new double[k];
    for (int o = 0; o < k; o++) {
      if (!(weights[o] >= 0) || !Double.isFinite(weights[o])) {
        throw new IllegalArgumentException("weight " + o + " must be finite and >= 0, got "
            + weights[o]);
      }
      logw[o] = Math.log(weights[o]);
    }
    return create(logw, means, chols, d, false, kern);
  }

  private static void checkFactor(double[] c, int off, int d, boolean diagonal, int o) {
    for (int i = 0; i < d; i++) {
      double v = diagonal ? c[off + i] : c[off + i * d + i];
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("component " + o + ": "
            + (diagonal ? "standard deviation " : "Cholesky diagonal entry ") + i
            + " must be positive and finite, got " + v);
      }
    }
  }

  // ---------------------------------------------------------------- accessors

  /** Dimension {@code D}. */
  public int dimension() {
    return d;
  }

  /** Number of components {@code K}. */
  public int numComponents() {
    return k;
  }

  /** Whether covariances are diagonal (factors are standard deviations). */
  public boolean isDiagonal() {
    return diagonal;
  }

  /** The kernel backend used for densities. */
  public Kernels kernels() {
    return kernels;
  }

  /** Entries per factor: {@code D·D} (full) or {@code D} (diagonal). */
  public int factorSize() {
    return diagonal ? d : d * d;
  }

  /** Log-weight of component {@code o}. */
  public double logWeight(int o) {
    return logWeights[checkIndex(o)];
  }

  /** A copy of the {@code K} log-weights. */
  public double[] logWeights() {
    return Arrays.copyOf(logWeights, k);
  }

  /** A copy of the {@code K} weights. */
  public double[] weights() {
    double[] w = new double[k];
    for (int o = 0; o < k; o++) {
      w[o] = Math.exp(logWeights[o]);
    }
    return w;
  }

  /** The internal log-weight array (length ≥ K). Do not retain across structural changes. */
  public double[] logWeightsArray() {
    return logWeights;
  }

  /** The internal means array ({@code K × D} used). Do not retain across structural changes. */
  public double[] meansArray() {
    return means;
  }

  /** The internal factor array ({@code K × D × D} or {@code K × D} used). Do not retain across structural changes. */
  public double[] cholsArray() {
    return chols;
  }

  /** A copy of the mean of component {@code o}. */
  public double[] mean(int o) {
    return Arrays.copyOfRange(means, checkIndex(o) * d, (o + 1) * d);
  }

  /** A copy of the factor of component {@code o} ({@code D × D} lower factor, or {@code D} stds). */
  public double[] chol(int o) {
    int per = factorSize();
    return Arrays.copyOfRange(chols, checkIndex(o) * per, (o + 1) * per);
  }

  /** The covariance {@code Σ_o = L_o L_oᵀ} as a full {@code D × D} matrix (also for diagonal models). */
  public double[] covariance(int o) {
    checkIndex(o);
    double[] out = new double[d * d];
    if (diagonal) {
      for (int i = 0; i < d; i++) {
        double s = chols[o * d + i];
        out[i * d + i] = s * s;
      }
    } else {
      kernels.dense().lowerTimesTranspose(chols, o * d * d, d, out, 0);
    }
    return out;
  }

  /**
   * The mean of the mixture, {@code μ = Σ_o w_o μ_o} ({@code D} entries; weights normalised).
   */
  public double[] mean() {
    double[] w = normalizedWeights();
    double[] mu = new double[d];
    for (int o = 0; o < k; o++) {
      for (int i = 0; i < d; i++) {
        mu[i] += w[o] * means[o * d + i];
      }
    }
    return mu;
  }

  /**
   * The covariance of the mixture (law of total covariance):
   * {@code Σ = Σ_o w_o (Σ_o + (μ_o − μ)(μ_o − μ)ᵀ)}, a full row-major {@code D × D} matrix.
   */
  public double[] covariance() {
    double[] w = normalizedWeights();
    double[] mu = mean();
    double[] out = new double[d * d];
    double[] diff = new double[d];
    for (int o = 0; o < k; o++) {
      double[] c = covariance(o);
      for (int i = 0; i < d; i++) {
        diff[i] = means[o * d + i] - mu[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          out[i * d + j] += w[o] * (c[i * d + j] + diff[i] * diff[j]);
        }
      }
    }
    return out;
  }

  private double[] normalizedWeights() {
    double[] w = weights();
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    for (int o = 0; o < k; o++) {
      w[o] /= sum;
    }
    return w;
  }

  /**
   * A short description: {@code GmmModel[K=3, D=2, full, weights=[0.5, 0.25, 0.25],
   * mean=[0.1, -2]]}, with components listed ({@code μ_o} and the diagonal of {@code Σ_o}) up to
   * {@code K ≤ 5, D ≤ 5}.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("GmmModel[K=").append(k).append(", D=").append(d)
        .append(diagonal ? ", diagonal" : ", full").append(", weights=")
        .append(format(normalizedWeights(), 8)).append(", mean=").append(format(mean(), 8));
    if (k <= 5 && d <= 5) {
      for (int o = 0; o < k; o++) {
        double[] c = covariance(o);
        double[] var = new double[d];
        for (int i = 0; i < d; i++) {
          var[i] = c[i * d + i];
        }
        b.append(", component ").append(o).append(": mean=").append(format(mean(o), d))
            .append(" var=").append(format(var, d));
      }
    }
    return b.append(']').toString();
  }

  /** {@code [a, b, …]} with 6 significant digits, at most {@code max} entries. */
  private static String format(double[] v, int max) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < Math.min(v.length, max); i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", v[i])
          .replaceAll("\\.?0+(e|$)", "$1"));
    }
    return b.append(v.length > max ? ", ...]" : "]").toString();
  }

  /** The precision {@code Λ_o = L_o⁻ᵀ L_o⁻¹} as a full {@code D × D} matrix. */
  public double[] precision(int o) {
    checkIndex(o);
    double[] out = new double[d * d];
    if (diagonal) {
      for (int i = 0; i < d; i++) {
        double s = chols[o * d + i];
        out[i * d + i] = 1.0 / (s * s);
      }
    } else {
      double[] inv = new double[d * d];
      kernels.dense().invertLower(chols, o * d * d, d, inv, 0);
      kernels.dense().transposeTimesLower(inv, 0, d, out, 0);
    }
    return out;
  }

  /** {@code log det Σ_o = 2 Σ_i log L_o,ii}. */
  public double logDetCovariance(int o) {
    checkIndex(o);
    if (diagonal) {
      double s = 0;
      for (int i = 0; i < d; i++) {
        s += Math.log(chols[o * d + i]);
      }
      return 2 * s;
    }
    return kernels.dense().logDetFromCholesky(chols, o * d * d, d);
  }

  /** Entropy of component {@code o}: {@code H_o = ½ D (log 2π + 1) + Σ_i log L_o,ii}. */
  public double componentEntropy(int o) {
    return 0.5 * d * (Math.log(2 * Math.PI) + 1) + 0.5 * logDetCovariance(o);
  }

  /** Average component entropy {@code H̄ = Σ_o w_o H_o}. */
  public double averageEntropy() {
    double s = 0;
    for (int o = 0; o < k; o++) {
      s += Math.exp(logWeights[o]) * componentEntropy(o);
    }
    return s;
  }

  // ---------------------------------------------------------------- mutation

  /** Replaces the log-weights ({@code K} values), normalising: {@code logw ← v − logsumexp(v)}. */
  public void setLogWeights(double[] v) {
    if (v.length < k) {
      throw new IllegalArgumentException("need " + k + " log-weights, got " + v.length);
    }
    System.arraycopy(v, 0, logWeights, 0, k);
    LogMath.normalizeLog(logWeights, 0, k);
  }

  /**
   * Replaces mean and factor of component {@code o} (mean: {@code D} values at {@code meanOff};
   * factor: {@code D·D} or {@code D} values at {@code cholOff}).
   */
  public void setComponent(int o, double[] mean, int meanOff, double[] chol, int cholOff) {
    checkIndex(o);
    int per = factorSize();
    System.arraycopy(mean, meanOff, means, o * d, d);
    System.arraycopy(chol, cholOff, chols, o * per, per);
  }

  /**
   * Appends a component with the given (unnormalised) log-weight, then renormalises all weights.
   * With a model whose weights sum to 1 and {@code logWeight = log(1e−29)}, the new weight is
   * {@code 1e−29/(1 + 1e−29)} (ALGORITHM.md §5.6 item 21).
   *
   * @return the new component's index ({@code K − 1})
   */
  public int addComponent(double logWeight, double[] mean, double[] chol) {
    int per = factorSize();
    if (mean.length != d || chol.length != per) {
      throw new IllegalArgumentException("new component needs a mean of length " + d
          + " and a factor of length " + per + ", got " + mean.length + " and " + chol.length);
    }
    checkFactor(chol, 0, d, diagonal, k);
    ensureCapacity(k + 1);
    logWeights[k] = logWeight;
    System.arraycopy(mean, 0, means, k * d, d);
    System.arraycopy(chol, 0, chols, k * per, per);
    k++;
    LogMath.normalizeLog(logWeights, 0, k);
    return k - 1;
  }

  /** Removes component {@code o} (later components shift down by one) and renormalises. */
  public void removeComponent(int o) {
    checkIndex(o);
    if (k == 1) {
      throw new IllegalStateException("cannot remove the last component of a mixture");
    }
    int per = factorSize();
    System.arraycopy(logWeights, o + 1, logWeights, o, k - o - 1);
    System.arraycopy(means, (o + 1) * d, means, o * d, (k - o - 1) * d);
    System.arraycopy(chols, (o + 1) * per, chols, o * per, (k - o - 1) * per);
    k--;
    LogMath.normalizeLog(logWeights, 0, k);
  }

  private void ensureCapacity(int cap) {
    if (logWeights.length >= cap) {
      return;
    }
    int newCap = Math.max(cap, logWeights.length * 2);
    logWeights = Arrays.copyOf(logWeights, newCap);
    means = Arrays.copyOf(means, newCap * d);
    chols = Arrays.copyOf(chols, newCap * factorSize());
  }

  /** A deep copy (same kernels). */
  public GmmModel copy() {
    return withKernels(kernels);
  }

  /** A deep copy computing with {@code other} kernels (e.g. a multi-threaded backend). */
  public GmmModel withKernels(Kernels other) {
    return new GmmModel(d, diagonal, other, k, Arrays.copyOf(logWeights, k),
        Arrays.copyOf(means, k * d), Arrays.copyOf(chols, k * factorSize()));
  }

  private int checkIndex(int o) {
    if (o < 0 || o >= k) {
      throw new IndexOutOfBoundsException("component " + o + " of " + k);
    }
    return o;
  }

  // ---------------------------------------------------------------- densities

  /** {@code out[n*K + o] = log N(x_n; μ_o, Σ_o)} for {@code n} samples ({@code x}: {@code n × D}). */
  public void componentLogDensities(double[] x, int n, double[] out) {
    if (diagonal) {
      kernels.mixture().componentLogDensitiesDiag(x, n, d, means, chols, k, out);
    } else {
      kernels.mixture().componentLogDensities(x, n, d, means, chols, k, out);
    }
  }

  /**
   * {@code out[i] = log q(x_i)}; {@code comp} ({@code n × K}) receives the component
   * log-densities as a by-product (pass a buffer of at least {@code n·K}).
   */
  public void logDensity(double[] x, int n, double[] comp, double[] out) {
    componentLogDensities(x, n, comp);
    kernels.mixture().mixtureLogDensity(comp, logWeights, n, k, out);
  }

  /** {@code log q(x_i)} for {@code n} samples (allocates the {@code n × K} scratch). */
  public double[] logDensity(double[] x, int n) {
    double[] out = new double[n];
    logDensity(x, n, new double[n * k], out);
    return out;
  }

  /**
   * Log-responsibilities {@code out[n*K + o] = log q(o | x_n)} from component log-densities
   * {@code comp} and mixture log-densities {@code mix}.
   */
  public void logResponsibilities(double[] comp, double[] mix, int n, double[] out) {
    kernels.mixture().logResponsibilities(comp, logWeights, mix, n, k, out);
  }

  /**
   * Mixture score {@code ∇ log q(x_n) = −Σ_o q(o|x_n) Λ_o (x_n − μ_o)} into {@code out}
   * ({@code n × D}), given the log-responsibilities ({@code n × K}).
   */
  public void score(double[] x, int n, double[] logResp, double[] out) {
    if (diagonal) {
      kernels.mixture().mixtureScoreDiag(x, n, d, means, chols, k, logResp, out);
    } else {
      kernels.mixture().mixtureScore(x, n, d, means, chols, k, logResp, out);
    }
  }

  /** Convenience: {@code log q} and {@code ∇ log q} for {@code n} samples (allocates scratch). */
  public void logDensityAndScore(double[] x, int n, double[] logq, double[] grad) {
    double[] comp = new double[n * k];
    logDensity(x, n, comp, logq);
    double[] resp = new double[n * k];
    logResponsibilities(comp, logq, n, resp);
    score(x, n, resp, grad);
  }

  // ---------------------------------------------------------------- sampling

  /**
   * Draws {@code counts[o]} samples from every component {@code o}, in ascending order of {@code o},
   * without shuffling (ALGORITHM.md §1.3 {@code sampleFromComponents}): {@code x = μ_o + L_o ε},
   * {@code ε ~ N(0, I)}. {@code xOut} receives {@code Σ counts × D} values, {@code compOut} the
   * component of each sample.
   */
  public void sampleFromComponents(int[] counts, Rng rng, double[] xOut, int[] compOut) {
    if (counts.length != k) {
      throw new IllegalArgumentException("need " + k + " counts, got " + counts.length);
    }
    int row = 0;
    double[] eps = new double[d];
    int per = factorSize();
    for (int o = 0; o < k; o++) {
      for (int c = 0; c < counts[o]; c++) {
        rng.fillGaussian(eps, 0, d);
        int xo = row * d;
        int lo = o * per;
        for (int i = 0; i < d; i++) {
          double s = means[o * d + i];
          if (diagonal) {
            s += chols[lo + i] * eps[i];
          } else {
            int ri = lo + i * d;
            for (int j = 0; j <= i; j++) {
              s += chols[ri + j] * eps[j];
            }
          }
          xOut[xo + i] = s;
        }
        if (compOut != null) {
          compOut[row] = o;
        }
        row++;
      }
    }
  }

  /**
   * Mixture sampling ({@code sample(n)}, ALGORITHM.md §1.3): for every draw take {@code u ~ U[0,1)}
   * and the first {@code o} with {@code u < cumsum(w)_o} (0 if rounding leaves none), then sample the
   * components in ascending order. Samples AND indices are grouped by component (the reference's
   * draw-order indices are quirk §6 item 9, fixed here).
   *
   * @return the counts per component
   */
  public int[] sample(int n, Rng rng, double[] xOut, int[] compOut) {
    int[] counts = new int[k];
    double[] cum = new double[k];
    double acc = 0;
    for (int o = 0; o < k; o++) {
      acc += Math.exp(logWeights[o]);
      cum[o] = acc;
    }
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      int pick = 0;
      for (int o = 0; o < k; o++) {
        if (u < cum[o]) {
          pick = o;
          break;
        }
      }
      counts[pick]++;
    }
    sampleFromComponents(counts, rng, xOut, compOut);
    return counts;
  }

  /** {@code n} samples of the mixture as a new {@code n × D} array. */
  public double[] sample(int n, Rng rng) {
    double[] x = new double[n * d];
    sample(n, rng, x, null);
    return x;
  }
}
