package org.gmmvi.problems.planar;

import org.gmmvi.core.target.Target;

/**
 * The planar robot with {@code L} unit links (PROBLEMS.md §4.4). With cumulative angles
 * {@code φ_i = θ_1 + … + θ_i}, the end effector is {@code e = (Σ cos φ_i, Σ sin φ_i)} and
 *
 * <pre>
 *   log p̃(θ) = log N(θ; 0, diag(s²)) + max_{g∈G} [ −log 2π − 2 log σ − ‖e(θ) − g‖² / (2σ²) ]
 *   ∂ log p̃/∂θ_j = −θ_j/s_j² − [ (e_x − g*_x) ∂e_x/∂θ_j + (e_y − g*_y) ∂e_y/∂θ_j ] / σ²
 *   ∂e_x/∂θ_j = −Σ_{i≥j} sin φ_i,   ∂e_y/∂θ_j = Σ_{i≥j} cos φ_i
 * </pre>
 *
 * with prior std {@code s = (1, 0.2, …, 0.2)}, likelihood std {@code σ = 0.01} and {@code g*} the
 * maximizing goal (the first one at exact ties). Pure: thread-safe.
 */
public final class PlanarRobotTarget implements Target {

  /** Number of links of the paper's robot. */
  public static final int LINKS = 10;
  /** Likelihood standard deviation. */
  public static final double LIKELIHOOD_STD = 0.01;

  private final String name;
  private final double[] goals;
  private final double[] priorStd;
  private final double priorConst;

  /**
   * @param name  name for logs
   * @param goals goal positions {@code (g_x, g_y)} pairs, flattened
   */
  public PlanarRobotTarget(String name, double[] goals) {
    if (goals.length == 0 || goals.length % 2 != 0) {
      throw new IllegalArgumentException(name + ": goals must be non-empty (x, y) pairs, got "
          + goals.length + " numbers");
    }
    this.name = name;
    this.goals = goals.clone();
    this.priorStd = new double[LINKS];
    double c = 0.0;
    for (int j = 0; j < LINKS; j++) {
      priorStd[j] = j == 0 ? 1.0 : 0.2;
      c += -Math.log(priorStd[j]) - 0.5 * Math.log(2.0 * Math.PI);
    }
    this.priorConst = c;
  }

  /** The four goals of PlanarRobot4: (7,0), (−7,0), (0,7), (0,−7). */
  public static PlanarRobotTarget fourGoals() {
    return new PlanarRobotTarget("planar_robot_4", new double[] {7, 0, -7, 0, 0, 7, 0, -7});
  }

  /** The single goal (7,0) of PlanarRobot1. */
  public static PlanarRobotTarget oneGoal() {
    return new PlanarRobotTarget("planar_robot_1", new double[] {7, 0});
  }

  /** A copy of the goals, flattened {@code (x, y)} pairs. */
  public double[] goals() {
    return goals.clone();
  }

  @Override
  public int dimension() {
    return LINKS;
  }

  @Override
  public boolean threadSafe() {
    return true;
  }

  @Override
  public String name() {
    return name;
  }

  /** End-effector position of {@code θ = x[off..off+10)} into {@code e[0..1]}. */
  public static void endEffector(double[] x, int off, double[] e) {
    double phi = 0.0;
    double ex = 0.0;
    double ey = 0.0;
    for (int i = 0; i < LINKS; i++) {
      phi += x[off + i];
      ex += Math.cos(phi);
      ey += Math.sin(phi);
    }
    e[0] = ex;
    e[1] = ey;
  }

  @Override
  public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, x, n, logDensity, gradient);
    double[] cos = new double[LINKS];
    double[] sin = new double[LINKS];
    double var = LIKELIHOOD_STD * LIKELIHOOD_STD;
    double goalConst = -Math.log(2.0 * Math.PI) - 2.0 * Math.log(LIKELIHOOD_STD);
    for (int s = 0; s < n; s++) {
      int off = s * LINKS;
      double phi = 0.0;
      double ex = 0.0;
      double ey = 0.0;
      double prior = priorConst;
      for (int i = 0; i < LINKS; i++) {
        phi += x[off + i];
        cos[i] = Math.cos(phi);
        sin[i] = Math.sin(phi);
        ex += cos[i];
        ey += sin[i];
        double t = x[off + i] / priorStd[i];
        prior -= 0.5 * t * t;
      }
      int best = 0;
      double bestD2 = Double.POSITIVE_INFINITY;
      for (int g = 0; g < goals.length / 2; g++) {
        double dx = ex - goals[2 * g];
        double dy = ey - goals[2 * g + 1];
        double d2 = dx * dx + dy * dy;
        if (d2 < bestD2) {
          bestD2 = d2;
          best = g;
        }
      }
      logDensity[s] = prior + goalConst - bestD2 / (2.0 * var);
      if (gradient != null) {
        double rx = (ex - goals[2 * best]) / var;
        double ry = (ey - goals[2 * best + 1]) / var;
        double tailSin = 0.0;
        double tailCos = 0.0;
        for (int j = LINKS - 1; j >= 0; j--) {
          tailSin += sin[j];
          tailCos += cos[j];
          gradient[off + j] = -x[off + j] / (priorStd[j] * priorStd[j])
              - (rx * -tailSin + ry * tailCos);
        }
      }
    }
  }
}
