package org.gmmvi.core.weightupdate;

/**
 * Option O (ALGORITHM.md §2.6.2): the largest step whose {@code KL(q_new(o) ‖ q_old(o))} stays within
 * the bound {@code ε}, found by bisection over {@code ln η} in {@code [−45, 45]} (at most 50
 * evaluations, tolerance 10 % of {@code ε}, gap test 0.1 in {@code η} units). Candidate for {@code η}:
 * <pre>
 *   u_o = ((η + 1)/(τ + η))·logw_o + elr_o/(τ + η)        (quirk §6 item 2: η+1, not η+τ; copied)
 *   v = normalise(max(normalise(u), −69.07));   KL(η) = Σ_o exp(v_o)(v_o − logw_o)
 * </pre>
 * An inactive bound ends at {@code η = e^−22.5}, i.e. the direct update with {@code β = 1} for
 * {@code τ = 1}. The weight history is appended even if the weights are unchanged.
 *
 * <p>Paper: Arenz, Zhong, Neumann, "Trust-Region Variational Inference with Gaussian Mixture
 * Models", JMLR 21, 2020.
 */
public final class TrustRegionWeightUpdater extends AbstractWeightUpdater {

  public TrustRegionWeightUpdater(boolean useSelfNormalizedImportanceWeights) {
    super(useSelfNormalizedImportanceWeights);
  }

  @Override
  double[] newLogWeights(double[] logw, double[] elr, double stepsize, double temperature) {
    return solve(logw, elr, stepsize, temperature).logWeights();
  }

  /**
   * The search's outcome.
   *
   * @param logWeights  the new log-weights
   * @param eta         the multiplier of the returned candidate ({@code −1} if unchanged)
   * @param kl          its KL to the old weights
   * @param evaluations number of candidate evaluations made by the search loop
   */
  public record Result(double[] logWeights, double eta, double kl, int evaluations) {}

  /** The bracketing search of §2.6.2 on given log-weights and expected log-ratios. */
  public static Result solve(double[] logw, double[] elr, double epsilon, double temperature) {
    double lo = -45;
    double hi = 45;
    double mid = 0;
    boolean ok = false;
    double lastKl = -1;
    double lastEta = -1;
    double[] lastV = logw.clone();
    int evals = 0;
    for (int it = 0; it < 50; it++) {
      double eta = Math.exp(mid);
      if (Math.abs(Math.exp(hi) - Math.exp(lo)) < 0.1) {
        break;
      }
      lastV = candidate(logw, elr, eta, temperature);
      lastKl = kl(lastV, logw);
      lastEta = eta;
      evals++;
      if (Math.abs(epsilon - lastKl) < 0.1 * epsilon) {
        lo = hi;
        break;
      }
      if (epsilon > lastKl) {
        hi = mid;
        ok = true;
      } else {
        lo = mid;
      }
      mid = 0.5 * (lo + hi);
    }
    if (lo == hi) {
      return new Result(lastV, lastEta, lastKl, evals);
    }
    if (ok) {
      double eta = Math.exp(hi);
      double[] v = candidate(logw, elr, eta, temperature);
      return new Result(v, eta, kl(v, logw), evals);
    }
    return new Result(logw.clone(), -1, 0, evals);
  }

  /** {@code normalise(max(normalise(u), −69.07))} with {@code u} of §2.6.2. */
  static double[] candidate(double[] logw, double[] elr, double eta, double temperature) {
    double[] u = new double[logw.length];
    double a = (eta + 1) / (temperature + eta);
    double b = 1 / (temperature + eta);
    for (int o = 0; o < u.length; o++) {
      u[o] = a * logw[o] + b * elr[o];
    }
    return normalizeWithFloor(u);
  }

  /** {@code KL(v ‖ logw) = Σ_o exp(v_o)(v_o − logw_o)}. */
  static double kl(double[] v, double[] logw) {
    double s = 0;
    for (int o = 0; o < v.length; o++) {
      s += Math.exp(v[o]) * (v[o] - logw[o]);
    }
    return s;
  }
}
