package org.gmmvi.problems.gmm;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code gmm20}. */
class Gmm20ProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("gmm20");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/gmm20_seed10000.csv";
  }
}
