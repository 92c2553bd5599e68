package org.gmmvi.cli.run;

import java.nio.file.Path;
import org.gmmvi.core.optimizer.ElboEstimator;

/**
 * How a run ended.
 *
 * @param status      how the run ended
 * @param stopReason  why the loop stopped (budget, iterations, time limit, interrupt, error)
 * @param iteration   completed iterations
 * @param evaluations target evaluations
 * @param negElbo     last logged −ELBO ({@code NaN} if none)
 * @param precise     the precise −ELBO of the final model, or {@code null} (not requested, or the
 *                    run failed)
 * @param wallSeconds cumulative wall-clock time
 * @param error       failure reason, or {@code null}
 * @param out         run directory
 */
public record RunOutcome(RunStatus status, String stopReason, int iteration, long evaluations,
    double negElbo, ElboEstimator.PreciseElbo precise, double wallSeconds, String error,
    Path out) {

  /** Whether the run ended normally. */
  public boolean completed() {
    return status == RunStatus.COMPLETED;
  }
}
