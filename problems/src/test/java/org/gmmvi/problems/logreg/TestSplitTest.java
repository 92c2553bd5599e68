package org.gmmvi.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.TestData;
import org.junit.jupiter.api.Test;

/** Test-split variants and the test-accuracy metric (PROBLEMS.md §4.3). */
class TestSplitTest {

  @Test
  void trainsOnTheFirstRowsAndTestsOnTheLast() {
    var data = TestData.dir();
    LogisticRegressionData all =
        LogisticRegressionData.load(data, LogisticRegressionData.Dataset.BREAST_CANCER);
    ProblemInstance inst = Problems.get("breast_cancer_testsplit").instantiate(10000, data);
    LogisticRegressionTarget t = (LogisticRegressionTarget) inst.target();
    assertThat(t.data().numRows()).isEqualTo(342);
    assertThat(Arrays.copyOf(t.data().x(), 342 * 31)).containsExactly(
        Arrays.copyOf(all.x(), 342 * 31));
    // Preprocessing uses all rows: the split data equal the head of the full data.
    LogisticRegressionData gc =
        LogisticRegressionData.load(data, LogisticRegressionData.Dataset.GERMAN_CREDIT);
    ProblemInstance g = Problems.get("german_credit_testsplit").instantiate(10000, data);
    assertThat(((LogisticRegressionTarget) g.target()).data().numRows()).isEqualTo(400);
    assertThat(gc.tail(600).y()).containsExactly(Arrays.copyOfRange(gc.y(), 400, 1000));
  }

  @Test
  void accuracyFollowsThePosteriorPredictiveRule() {
    // x = (1, f); weights (0, -5): P(y=1) = σ(5 f); f > 0 predicts 1, f = 0 is a tie (label 1).
    double[] x = {1, 1, 1, -1, 1, 0, 1, 2};
    double[] y = {1, 0, 1, 1};
    LogisticRegressionData test = new LogisticRegressionData("t", x, y, 4, 2);
    double[] samples = {0, -5, 0, -4};
    assertThat(TestAccuracy.compute(test, samples, 2)).isEqualTo(1.0);
    double[] flipped = {0, 5, 0, 4};
    // P(y=1) = σ(-5f): predicts 0 for f=1 (wrong), 1 for f=-1 (wrong), tie→1 (right), 0 for f=2
    // (wrong)
    assertThat(TestAccuracy.compute(test, flipped, 2)).isEqualTo(0.25);
  }

  @Test
  void accuracyOfGroundTruthSamplesIsHighOnGermanCredit() {
    var data = TestData.dir();
    ProblemInstance inst = Problems.get("german_credit_testsplit").instantiate(10000, data);
    var gt = org.gmmvi.problems.metrics.GroundTruth.load(data,
        org.gmmvi.problems.metrics.GroundTruth.GERMAN_CREDIT, 25);
    int m = 500;
    double acc = inst.metrics().evaluate(Arrays.copyOf(gt.data(), m * 25), m, new double[m],
        new double[25], 1).get("test_accuracy");
    // The full-data posterior has seen the test rows; its accuracy is well above the 70 % base rate.
    assertThat(acc).isGreaterThan(0.72).isLessThanOrEqualTo(1.0);
    assertThat(acc * 600).isCloseTo(Math.rint(acc * 600), within(1e-9));
  }
}
