package org.gmmvi.problems.logreg;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code breast_cancer_testsplit} (no test vectors: training rows only). */
class BreastCancerTestSplitProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("breast_cancer_testsplit");
  }

  @Override
  protected String testVectorFile() {
    return null;
  }
}
