package org.gmmvi.cli.report;

import java.util.Locale;

/**
 * Mean ± 3·SE of a metric over {@code n} runs, as the paper reports it (PROBLEMS.md §3.3,
 * PAPER-RESULTS.md): {@code SE = std / √n} with the population standard deviation
 * {@code std = sqrt((1/n) Σ (x_i − mean)²)} (ddof 0).
 *
 * @param mean      arithmetic mean ({@code NaN} for {@code n = 0})
 * @param halfWidth {@code 3·std/√n} ({@code 0} for {@code n = 1}, {@code NaN} for {@code n = 0})
 * @param n         number of values (non-finite values are excluded)
 */
public record Summary(double mean, double halfWidth, int n) {

  /** The summary of the finite values among {@code values}. */
  public static Summary of(double... values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return new Summary(Double.NaN, Double.NaN, 0);
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double std = Math.sqrt(ss / n);
    return new Summary(mean, 3 * std / Math.sqrt(n), n);
  }

  /** {@code "mean ± half"} with {@code digits} decimals, {@code "—"} without values. */
  public String format(int digits) {
    if (n == 0) {
      return "—";
    }
    String f = "%." + digits + "f";
    return String.format(Locale.ROOT, f + " ± " + f, mean, halfWidth);
  }
}
