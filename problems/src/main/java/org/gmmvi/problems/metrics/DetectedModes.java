package org.gmmvi.problems.metrics;

/**
 * Number of detected modes of a GMM or STM target (PROBLEMS.md §5.4): target component {@code k}
 * counts as detected if the Euclidean distance from its mean {@code μ_k} to the nearest model mean
 * is below {@code ‖6·1_D‖ = 6√D}.
 */
public final class DetectedModes {

  private DetectedModes() {}

  /** The threshold {@code 6√D}. */
  public static double threshold(int dim) {
    return 6.0 * Math.sqrt(dim);
  }

  /**
   * @param targetMeans {@code K_t × D}
   * @param modelMeans  {@code K_m × D} (may be empty: then 0)
   * @param dim         D
   * @return number of target components with a model mean closer than {@code 6√D}
   */
  public static int count(double[] targetMeans, double[] modelMeans, int dim) {
    if (dim < 1 || targetMeans.length % dim != 0 || modelMeans.length % dim != 0) {
      throw new IllegalArgumentException("means must be K x D arrays with D=" + dim + ", got "
          + targetMeans.length + " and " + modelMeans.length + " entries");
    }
    double t2 = threshold(dim) * threshold(dim);
    int kt = targetMeans.length / dim;
    int km = modelMeans.length / dim;
    int detected = 0;
    for (int k = 0; k < kt; k++) {
      double best = Double.POSITIVE_INFINITY;
      for (int m = 0; m < km; m++) {
        best = Math.min(best, Mmd.squaredDistance(targetMeans, k * dim, modelMeans, m * dim, dim));
      }
      if (best < t2) {
        detected++;
      }
    }
    return detected;
  }
}
