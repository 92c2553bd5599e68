package org.gmmvi.problems.logreg;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code breast_cancer}. */
class BreastCancerProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("breast_cancer");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/logreg_breast_cancer.csv";
  }
}
