package org.gmmvi.problems.planar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmmvi.problems.Budget;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.ProblemConfigs;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.metrics.GroundTruth;
import org.gmmvi.problems.metrics.MetricsHook;

/**
 * The 10-link planar robot (PROBLEMS.md §4.4): {@code planar_robot_4} (four goals, the paper's
 * PlanarRobot4) and {@code planar_robot_1} (the single goal (7, 0), the classic VIPS task; no
 * Experiment-3 config). Metrics: {@code mmd} with α = 6 against the shipped ground truth
 * (the constructed substitute for four goals), and the heuristic detected modes per goal
 * ({@code detected_modes_goal<i>}) plus their sum {@code detected_modes}.
 */
public final class PlanarRobotProblem implements Problem {

  /** MMD bandwidth multiplier (§5.3). */
  public static final double MMD_ALPHA = 6.0;

  private final boolean fourGoals;

  private PlanarRobotProblem(boolean fourGoals) {
    this.fourGoals = fourGoals;
  }

  /** Both planar-robot problems. */
  public static List<Problem> all() {
    return List.of(new PlanarRobotProblem(true), new PlanarRobotProblem(false));
  }

  @Override
  public String name() {
    return fourGoals ? "planar_robot_4" : "planar_robot_1";
  }

  @Override
  public int dimension() {
    return PlanarRobotTarget.LINKS;
  }

  @Override
  public String description() {
    return fourGoals ? "10-link planar robot reaching one of four goals (7,0), (-7,0), (0,7), (0,-7)"
        : "10-link planar robot reaching the goal (7,0)";
  }

  @Override
  public List<String> dataFiles() {
    return List.of(groundTruthFile());
  }

  private String groundTruthFile() {
    return fourGoals ? GroundTruth.PLANAR_4 : GroundTruth.PLANAR_1;
  }

  @Override
  public Budget budget() {
    return Budget.of(10_000_000L, 300_000L);
  }

  @Override
  public int defaultLogInterval() {
    return 10;
  }

  @Override
  public Optional<String> referenceId() {
    return fourGoals ? Optional.of("Planar4") : Optional.empty();
  }

  @Override
  public Map<String, Object> defaultExperimentConfig() {
    return ProblemConfigs.defaults(fourGoals ? "PlanarRobot4" : "PlanarRobot1", Map.of(), 300,
        ProblemConfigs.firstAndRest(1.0, 0.2, PlanarRobotTarget.LINKS),
        ProblemConfigs.firstAndRest(0.0625, 0.0025, PlanarRobotTarget.LINKS), defaultLogInterval(),
        ProblemConfigs.DEFAULT_MAX_DATABASE_SIZE);
  }

  @Override
  public ProblemInstance instantiate(long seed, DataDirectory data) {
    PlanarRobotTarget target = fourGoals ? PlanarRobotTarget.fourGoals()
        : PlanarRobotTarget.oneGoal();
    String gt = groundTruthFile();
    GroundTruth.load(data, gt, PlanarRobotTarget.LINKS); // fail now on a bad ground-truth file
    MetricsHook hook = (samples, m, logQ, means, k) -> {
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("mmd", GroundTruth.mmd(data, gt, PlanarRobotTarget.LINKS, MMD_ALPHA)
          .compute(samples, m).mmd());
      int[] modes = PlanarRobotModes.perGoal(target, java.util.Arrays.copyOf(means,
          k * PlanarRobotTarget.LINKS));
      int total = 0;
      for (int g = 0; g < modes.length; g++) {
        out.put("detected_modes_goal" + g, (double) modes[g]);
        total += modes[g];
      }
      out.put("detected_modes", (double) total);
      return out;
    };
    return new ProblemInstance(this, seed, target, hook);
  }
}
