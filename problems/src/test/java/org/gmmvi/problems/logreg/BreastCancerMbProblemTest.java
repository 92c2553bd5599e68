package org.gmmvi.problems.logreg;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code breast_cancer_mb} (full-batch target). */
class BreastCancerMbProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("breast_cancer_mb");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/logreg_breast_cancer.csv";
  }

  /** The checks run on the full-batch target; the mini-batch target has its own test. */
  @Override
  protected org.gmmvi.core.target.Target createTarget() {
    return ((LogisticRegressionProblem) problem()).fullBatchTarget(data());
  }
}
