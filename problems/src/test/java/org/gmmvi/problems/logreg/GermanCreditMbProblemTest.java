package org.gmmvi.problems.logreg;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code german_credit_mb} (full-batch target). */
class GermanCreditMbProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("german_credit_mb");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/logreg_german_credit.csv";
  }

  /** The checks run on the full-batch target; the mini-batch target has its own test. */
  @Override
  protected org.gmmvi.core.target.Target createTarget() {
    return ((LogisticRegressionProblem) problem()).fullBatchTarget(data());
  }
}
