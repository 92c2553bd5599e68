package org.gmmvi.cli.run;

/**
 * When a run writes its checkpoint: every {@code --checkpoint-every} iterations (if positive) and
 * every {@code --checkpoint-seconds} of wall-clock time, the time spacing stretched to 20 times the
 * last write ({@link #timedCheckpointInterval}); and whether a finished run keeps it
 * ({@link #keeps}).
 */
final class CheckpointSchedule {

  private final double configuredSeconds;
  private final int everyIterations;
  private double interval;
  private double lastSeconds;
  private int lastIteration;

  /**
   * @param seconds    {@code --checkpoint-seconds}
   * @param iterations {@code --checkpoint-every} (0: by time only)
   * @param now        the run's wall-clock seconds at the start
   * @param iteration  the iteration the run starts at
   */
  CheckpointSchedule(double seconds, int iterations, double now, int iteration) {
    this.configuredSeconds = seconds;
    this.everyIterations = iterations;
    this.interval = seconds;
    this.lastSeconds = now;
    this.lastIteration = iteration;
  }

  /** Whether a checkpoint is due after {@code iteration} at wall-clock second {@code now}. */
  boolean due(int iteration, double now) {
    boolean byIterations = everyIterations > 0 && iteration - lastIteration >= everyIterations;
    boolean byTime = now - lastSeconds >= interval;
    return byIterations || byTime;
  }

  /** Records a checkpoint of {@code iteration} written from second {@code start} to {@code end}. */
  void written(int iteration, double start, double end) {
    lastSeconds = end;
    interval = timedCheckpointInterval(configuredSeconds, end - start);
    lastIteration = iteration;
  }

  /**
   * Seconds between time-based checkpoints: {@code --checkpoint-seconds}, stretched to 20 times the
   * last checkpoint's write time, so that writing checkpoints costs at most about 5 % of a run (a
   * 10 M-sample breast_cancer state is 2 GB; written every 120 s it would slow the run down).
   */
  static double timedCheckpointInterval(double configured, double lastWriteSeconds) {
    return Math.max(configured, 20.0 * lastWriteSeconds);
  }

  /**
   * Whether the run keeps its checkpoint when it stops for {@code reason}: always with
   * {@code --keep-checkpoint}; otherwise only after a time limit or an interrupt, which are meant
   * to be resumed. A run that reached its budget, its iteration cap or convergence deletes it
   * (a gmm20 smoke state is about 200 MB; breast_cancer's full one 2 GB).
   */
  static boolean keeps(boolean keepCheckpoint, String reason) {
    return keepCheckpoint || StopReason.INTERRUPTED.equals(reason)
        || reason.startsWith(StopReason.TIME_LIMIT_PREFIX);
  }
}
