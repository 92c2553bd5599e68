package org.gmmvi.problems.logreg;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code german_credit}. */
class GermanCreditProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("german_credit");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/logreg_german_credit.csv";
  }
}
