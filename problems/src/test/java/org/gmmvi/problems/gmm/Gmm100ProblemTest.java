package org.gmmvi.problems.gmm;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code gmm100}. */
class Gmm100ProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("gmm100");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/gmm100_seed10000.csv";
  }
}
