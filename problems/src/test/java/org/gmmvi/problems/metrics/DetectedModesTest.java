package org.gmmvi.problems.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.problems.Problems;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.gmm.GmmTarget;
import org.gmmvi.problems.gmm.GmmProblem;
import org.junit.jupiter.api.Test;

/** Detected modes of PROBLEMS.md §5.4 (threshold 6√D) on constructed cases. */
class DetectedModesTest {

  @Test
  void countsTargetMeansWithAModelMeanCloserThanSixSqrtD() {
    int d = 4; // threshold 12
    double[] target = {0, 0, 0, 0, 100, 0, 0, 0, 0, 100, 0, 0};
    double[] model = {
        11.9, 0, 0, 0,      // detects target 0 (distance 11.9 < 12)
        100, 6, 6, 6.1,     // distance sqrt(36+36+37.21) = 10.45 < 12: detects target 1
        100, 0, 0, 0.5};    // also near target 1 (a target counts once)
    assertThat(DetectedModes.count(target, model, d)).isEqualTo(2);
    double[] far = {0, 112.1, 0, 0, 12.0, 0, 0, 0};
    // target 0 is exactly 12 from (12,0,0,0): not below the threshold; target 2 is 12.1 away.
    assertThat(DetectedModes.count(target, far, d)).isZero();
    assertThat(DetectedModes.count(target, new double[0], d)).isZero();
    assertThat(DetectedModes.threshold(20)).isCloseTo(26.8328, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void theGmm20TargetsOwnMeansDetectAllTenModesAndOneMeanDetectsOne() {
    GmmTarget t = ((GmmProblem) Problems.get("gmm20")).target(10000, TestData.dir());
    double[] means = t.means();
    var metrics = Problems.get("gmm20").instantiate(10000, TestData.dir()).metrics();
    assertThat(metrics.evaluate(new double[20], 1, new double[1], means, 10))
        .containsEntry("detected_modes", 10.0);
    assertThat(metrics.evaluate(new double[20], 1, new double[1],
        java.util.Arrays.copyOf(means, 20), 1)).containsEntry("detected_modes", 1.0);
  }
}
