package org.gmmvi.problems.planar;

import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;

/** Shared problem checks for {@code planar_robot_4}. */
class PlanarRobot4ProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("planar_robot_4");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/planar_robot_4goal.csv";
  }
}
