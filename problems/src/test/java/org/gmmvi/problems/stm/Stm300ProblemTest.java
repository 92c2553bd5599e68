package org.gmmvi.problems.stm;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code stm300}. */
class Stm300ProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("stm300");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/stm300_seed10000.csv";
  }

  @Override
  protected int finiteDifferenceCoordinates() {
    return 12;
  }
}
