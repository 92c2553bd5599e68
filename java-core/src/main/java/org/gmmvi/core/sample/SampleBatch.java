package org.gmmvi.core.sample;

/**
 * A window of samples with everything the estimators and the weight updater need
 * (ALGORITHM.md §1.6 step 1, §1.7 {@code newest}).
 *
 * @param n         number of samples
 * @param d         dimension
 * @param x         samples, row-major {@code n × D}
 * @param mapping   {@code n} indices of the sampling Gaussian of each sample (database numbering)
 * @param logQbg    {@code n} background log-densities {@code log q_bg(x)}
 * @param logP      {@code n} target log-densities
 * @param gradLogP  {@code n × D} target gradients (zeros where none were computed)
 */
public record SampleBatch(int n, int d, double[] x, int[] mapping, double[] logQbg, double[] logP,
    double[] gradLogP) {

  /** An empty batch of dimension {@code d}. */
  public static SampleBatch empty(int d) {
    return new SampleBatch(0, d, new double[0], new int[0], new double[0], new double[0],
        new double[0]);
  }
}
