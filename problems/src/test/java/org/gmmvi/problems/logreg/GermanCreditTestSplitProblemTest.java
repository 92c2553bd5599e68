package org.gmmvi.problems.logreg;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code german_credit_testsplit} (no test vectors: training rows only). */
class GermanCreditTestSplitProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("german_credit_testsplit");
  }

  @Override
  protected String testVectorFile() {
    return null;
  }
}
