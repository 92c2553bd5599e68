package org.gmmvi.problems.talos;

import java.nio.file.Path;

/**
 * Builds the TALOS problem (PROBLEMS.md §4.8) for the problem registry. The target is deterministic, so
 * the run seed plays no role in it; the robot description is read from
 * {@code <dataDir>/talos/talos_reduced.urdf} at run time (its licence forbids shipping a copy).
 * Secondary metric (§5.6): the entropy of q, computed by the core from the evaluation samples; TALOS
 * needs no problem-specific metric hook.
 */
public final class TalosProblemFactory {

  /** The only context the paper uses: left-gripper goal (0.1, 0.5, 1.0) m (a fresh array). */
  public static double[] defaultContext() {
    return new double[] {0.1, 0.5, 1.0};
  }

  /** Path of the URDF below the data directory. */
  public static final String URDF_PATH = "talos/talos_reduced.urdf";

  /** Standard deviation of the initial means around 0 (§3.2). */
  public static final double PRIOR_SCALE = 1.0;

  /** Initial covariance {@code c0·I} (§3.2). */
  public static final double INITIAL_COVARIANCE = 1.0;

  private TalosProblemFactory() {}

  /**
   * The TALOS problem.
   *
   * @param target the 34-dimensional target
   */
  public record TalosProblem(TalosTarget target) {

    /** Dimension, 34. */
    public int dimension() {
      return TalosTarget.DIM;
    }
  }

  /** The TALOS problem with the paper's context; {@code seed} is accepted for symmetry and unused. */
  public static TalosProblem create(Path dataDir, long seed) {
    return create(dataDir, defaultContext());
  }

  /** The TALOS problem with left-gripper goal {@code context}. */
  public static TalosProblem create(Path dataDir, double[] context) {
    return new TalosProblem(TalosTarget.load(dataDir.resolve(URDF_PATH), context));
  }
}
