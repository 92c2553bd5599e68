package org.gmmvi.cli.run;

/**
 * Why a run's loop stops, as {@code final.json} records it in {@code stop_reason}: the first limit
 * reached, in the order budget, iteration cap, time limit, interrupt, convergence.
 */
final class StopReason {

  /** The reason of a Ctrl-C or SIGTERM. */
  static final String INTERRUPTED = "interrupted";
  /** The reason of a failed run (its message is in {@code final.json}'s {@code error}). */
  static final String ERROR = "error";
  /** How the reason of a reached time limit starts. */
  static final String TIME_LIMIT_PREFIX = "time limit";

  private StopReason() {}

  /**
   * The reason to stop now, or null to go on.
   *
   * @param s             the run's limits
   * @param evaluations   target evaluations so far
   * @param iteration     iterations so far
   * @param wallSeconds   cumulative wall-clock seconds
   * @param interrupted   whether a stop was requested (Ctrl-C, SIGTERM)
   * @param converged     the convergence stop's reason, or null
   */
  static String of(RunSettings s, long evaluations, int iteration, double wallSeconds,
      boolean interrupted, String converged) {
    if (evaluations >= s.maxEvaluations()) {
      return "target-evaluation budget of " + s.maxEvaluations() + " reached";
    }
    if (iteration >= s.maxIterations()) {
      return "iteration cap of " + s.maxIterations() + " reached";
    }
    if (s.timeLimit() != null && wallSeconds >= s.timeLimit().toMillis() / 1000.0) {
      return TIME_LIMIT_PREFIX + " of " + TimeLimit.format(s.timeLimit().toMillis() / 1000.0)
          + " reached";
    }
    if (interrupted) {
      return INTERRUPTED;
    }
    return converged;
  }
}
