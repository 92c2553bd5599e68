package org.gmmvi.problems.planar;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.problems.TestData;
import org.gmmvi.problems.io.NumericTable;
import org.gmmvi.problems.metrics.GroundTruth;
import org.junit.jupiter.api.Test;

/** The planar-robot detected-modes heuristic (PROBLEMS.md §5.4) on constructed cases. */
class PlanarRobotModesTest {

  @Test
  void clustersSplitAtGapsLargerThanPointFour() {
    assertThat(PlanarRobotModes.clusters(new double[0])).isZero();
    assertThat(PlanarRobotModes.clusters(new double[] {2.0, 0.0, 0.3, 0.8})).isEqualTo(3);
    assertThat(PlanarRobotModes.clusters(new double[] {0.0, 0.4, 0.8})).isEqualTo(1);
  }

  @Test
  void groundTruthConfigurationsRotatedToOtherGoalsAreFoundThere() {
    NumericTable gt = TestData.csv(GroundTruth.PLANAR_1);
    PlanarRobotTarget t = PlanarRobotTarget.fourGoals();
    double[] m = gt.row(0);
    double[] up = m.clone();
    up[0] += Math.PI / 2; // reaches (0, 7)
    double[] far = m.clone();
    far[0] += 0.45; // same arm shape rotated off every goal
    double[] means = concat(m, up, far);
    // goal order (7,0), (-7,0), (0,7), (0,-7)
    assertThat(PlanarRobotModes.perGoal(t, means)).containsExactly(1, 0, 1, 0);
    // Two configurations at goal (7,0) whose first joints differ by more than 0.4 are two modes.
    double[] other = null;
    for (int r = 1; r < gt.rows() && other == null; r++) {
      if (Math.abs(gt.get(r, 0) - m[0]) > 0.5) {
        other = gt.row(r);
      }
    }
    assertThat(other).isNotNull();
    assertThat(PlanarRobotModes.perGoal(t, concat(m, other))[0]).isEqualTo(2);
  }

  private static double[] concat(double[]... rows) {
    double[] out = new double[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
    }
    return out;
  }
}
