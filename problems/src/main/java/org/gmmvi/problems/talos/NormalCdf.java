package org.gmmvi.problems.talos;

/**
 * Stable {@code log Φ(z)} and its derivative {@code φ(z)/Φ(z)} for the standard normal CDF Φ
 * (PROBLEMS.md §1), accurate to about 1e-13 relative over the whole real line.
 *
 * <p>Method: for {@code |z| ≤ 3} Marsaglia's series {@code Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …)}
 * (G. Marsaglia, "Evaluating the normal distribution", J. Stat. Softw. 11(4), 2004); for
 * {@code |z| > 3} the upper tail {@code Q(t) = 1 − Φ(t) = φ(t)·M(t)}, {@code t = |z|}, with Mills' ratio
 * from Laplace's continued fraction {@code M(t) = 1/(t + 1/(t + 2/(t + 3/(t + …))))}, evaluated backwards
 * with {@code ⌈10 + 400/t²⌉} terms (enough for double precision at {@code t ≥ 3}). Then
 * {@code log Φ(z) = log φ(z) + log M(−z)} for {@code z < −3} (no underflow: ≈ −z²/2 − log(−z) − ½log 2π)
 * and {@code log1p(−Q(z))} for {@code z > 3}.
 */
final class NormalCdf {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
  private static final double SWITCH = 3.0;

  private NormalCdf() {}

  /** {@code log Φ(z)}; {@code −∞} only for {@code z = −∞}, {@code NaN} for {@code NaN}. */
  static double logPhi(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < -SWITCH) {
      return -0.5 * z * z - LOG_SQRT_2PI + Math.log(mills(-z));
    }
    if (z > SWITCH) {
      return Math.log1p(-pdf(z) * mills(z));
    }
    return Math.log(seriesCdf(z));
  }

  /** {@code d/dz log Φ(z) = φ(z)/Φ(z)} (≈ {@code −z} for {@code z ≪ 0}, → 0 for {@code z ≫ 0}). */
  static double dLogPhi(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < -SWITCH) {
      return 1.0 / mills(-z);
    }
    double p = pdf(z);
    if (z > SWITCH) {
      return p / (1.0 - p * mills(z));
    }
    return p / seriesCdf(z);
  }

  /**
   * {@code log Φ(z)}, with {@code φ(z)/Φ(z)} written to {@code derivative[index]} (one evaluation of the
   * series or continued fraction for both).
   */
  static double logPhi(double z, double[] derivative, int index) {
    if (Double.isNaN(z)) {
      derivative[index] = Double.NaN;
      return Double.NaN;
    }
    if (z < -SWITCH) {
      double m = mills(-z);
      derivative[index] = 1.0 / m;
      return -0.5 * z * z - LOG_SQRT_2PI + Math.log(m);
    }
    double p = pdf(z);
    if (z > SWITCH) {
      double q = p * mills(z);
      derivative[index] = p / (1.0 - q);
      return Math.log1p(-q);
    }
    double cdf = seriesCdf(z);
    derivative[index] = p / cdf;
    return Math.log(cdf);
  }

  /** Standard normal density φ(z). */
  static double pdf(double z) {
    return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  }

  /** Marsaglia's series for {@code |z| ≤ 3} (at most ~35 terms). */
  private static double seriesCdf(double z) {
    double z2 = z * z;
    double term = z;
    double sum = z;
    for (int n = 3; ; n += 2) {
      term *= z2 / n;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 + pdf(z) * sum;
  }

  /** Mills' ratio {@code M(t) = (1 − Φ(t))/φ(t)} for {@code t ≥ 3} (Laplace's continued fraction). */
  private static double mills(double t) {
    if (t == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    int terms = (int) Math.ceil(10 + 400 / (t * t));
    double v = t;
    for (int k = terms; k >= 1; k--) {
      v = t + k / v;
    }
    return 1.0 / v;
  }
}
