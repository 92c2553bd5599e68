package org.gmmvi.cli.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The opt-in convergence stop of {@code run --stop-when-converged}: stops a run once the logged
 * −ELBO estimates no longer change by more than their own noise.
 *
 * <p>Over the last {@code n = window} logged estimates {@code y_i} (each from 2000 fresh samples,
 * with standard error {@code s_i = std(log p̃(x) − τ log q(x))/√2000}) it compares the means of
 * the older and the newer half ({@code h = n/2} each): the run has converged when
 *
 * <pre>|ȳ_new − ȳ_old| ≤ z · SE + ε·max(1, |ȳ_new|),   SE = √(Σ_i s_i²) / h,</pre>
 *
 * i.e. when the change over the window is within {@code z} standard errors of the difference of
 * the two half-means (which are independent: every estimate draws fresh samples). The rounding
 * floor {@code ε = 1e-12} stops a run whose model matches the target exactly (all {@code s_i = 0},
 * the estimates differing only by rounding). The window restarts after {@code --resume}.
 */
public final class ConvergenceStop {

  /** Relative rounding floor of the change. */
  static final double ROUNDING = 1e-12;

  private final int window;
  private final double tolerance;
  private final Deque<double[]> last = new ArrayDeque<>();

  /**
   * @param window    logged estimates compared (even, >= 2)
   * @param tolerance {@code z}, in standard errors (> 0)
   */
  public ConvergenceStop(int window, double tolerance) {
    if (window < 2 || window % 2 != 0) {
      throw new IllegalArgumentException("the convergence window must be an even number >= 2,"
          + " got " + window);
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("the convergence tolerance must be a positive number of"
          + " standard errors, got " + tolerance);
    }
    this.window = window;
    this.tolerance = tolerance;
  }

  /** Logged estimates compared. */
  public int window() {
    return window;
  }

  /** Tolerance in standard errors. */
  public double tolerance() {
    return tolerance;
  }

  /**
   * Observes one logged estimate.
   *
   * @param negElbo       the −ELBO estimate
   * @param standardError its standard error
   * @return the stop reason once converged, else null (also for non-finite estimates)
   */
  public String observe(double negElbo, double standardError) {
    if (!Double.isFinite(negElbo) || !Double.isFinite(standardError)) {
      last.clear();
      return null;
    }
    last.addLast(new double[] {negElbo, standardError});
    if (last.size() > window) {
      last.removeFirst();
    }
    if (last.size() < window) {
      return null;
    }
    int h = window / 2;
    double older = 0;
    double newer = 0;
    double var = 0;
    int i = 0;
    for (double[] e : last) {
      if (i++ < h) {
        older += e[0];
      } else {
        newer += e[0];
      }
      var += e[1] * e[1];
    }
    older /= h;
    newer /= h;
    double se = Math.sqrt(var) / h;
    double change = Math.abs(newer - older);
    if (change > tolerance * se + ROUNDING * Math.max(1.0, Math.abs(newer))) {
      return null;
    }
    return String.format(Locale.ROOT, "converged: the -ELBO estimate changed by %.3g over the"
        + " last %d logged estimates (standard error of the change %.3g, tolerance %.3g)", change,
        window, se, tolerance);
  }

  /** Standard error of a −ELBO estimate {@code −mean(log p − τ log q)} from its samples. */
  public static double standardError(double[] logP, double[] logQ, double temperature) {
    int m = logP.length;
    if (m < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (int i = 0; i < m; i++) {
      mean += logP[i] - temperature * logQ[i];
    }
    mean /= m;
    double ss = 0;
    for (int i = 0; i < m; i++) {
      double r = logP[i] - temperature * logQ[i] - mean;
      ss += r * r;
    }
    return Math.sqrt(ss / (m - 1) / m);
  }
}
