package org.gmmvi.problems.planar;

import java.util.Arrays;

/**
 * The reference's heuristic count of detected modes per goal of the planar robot (PROBLEMS.md §5.4;
 * logged, not a paper metric): for goal {@code g}, take the model components whose mean {@code m}
 * satisfies {@code ‖e(m) − g‖ < 0.05} and {@code log p̃(m) > −7}, sort their first joint angles,
 * split the sorted list wherever consecutive values differ by more than 0.4, and count the
 * clusters (0 if no component qualifies).
 */
public final class PlanarRobotModes {

  /** Maximum end-effector distance to the goal. */
  public static final double GOAL_DISTANCE = 0.05;
  /** Minimum target log-density at the mean. */
  public static final double MIN_LOG_DENSITY = -7.0;
  /** Gap in the first joint angle that separates clusters. */
  public static final double GAP = 0.4;

  private PlanarRobotModes() {}

  /**
   * @param target     the planar-robot target (gives goals and log-densities)
   * @param modelMeans {@code K × 10} model means
   * @return detected modes per goal, in the target's goal order
   */
  public static int[] perGoal(PlanarRobotTarget target, double[] modelMeans) {
    int d = target.dimension();
    if (modelMeans.length % d != 0) {
      throw new IllegalArgumentException("model means must be K x " + d + ", got "
          + modelMeans.length + " entries");
    }
    int k = modelMeans.length / d;
    double[] goals = target.goals();
    double[] logp = new double[k];
    target.evaluate(modelMeans, k, logp, null);
    double[] e = new double[2];
    int[] out = new int[goals.length / 2];
    for (int g = 0; g < out.length; g++) {
      double[] first = new double[k];
      int count = 0;
      for (int c = 0; c < k; c++) {
        PlanarRobotTarget.endEffector(modelMeans, c * d, e);
        double dist = Math.hypot(e[0] - goals[2 * g], e[1] - goals[2 * g + 1]);
        if (dist < GOAL_DISTANCE && logp[c] > MIN_LOG_DENSITY) {
          first[count++] = modelMeans[c * d];
        }
      }
      out[g] = clusters(Arrays.copyOf(first, count));
    }
    return out;
  }

  /** Number of clusters of the values when split at gaps larger than {@link #GAP}. */
  static int clusters(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int clusters = 1;
    for (int i = 1; i < v.length; i++) {
      if (v[i] - v[i - 1] > GAP) {
        clusters++;
      }
    }
    return clusters;
  }
}
