package org.gmmvi.problems.stm;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code stm20}. */
class Stm20ProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("stm20");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/stm20_seed10000.csv";
  }
}
