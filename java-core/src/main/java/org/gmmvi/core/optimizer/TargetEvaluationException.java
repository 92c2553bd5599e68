package org.gmmvi.core.optimizer;

/**
 * The target could not be evaluated: it threw, wrote output of the wrong shape, or returned no valid
 * value for any new sample of an iteration. The message names the iteration and the cause.
 */
public class TargetEvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int iteration;

  public TargetEvaluationException(int iteration, String message, Throwable cause) {
    super("iteration " + iteration + ": " + message, cause);
    this.iteration = iteration;
  }

  /** The 1-based iteration during which the evaluation failed (0: outside the loop). */
  public int iteration() {
    return iteration;
  }
}
