package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.run.Checkpoint;
import org.gmmvi.cli.run.RunEngine;
import org.gmmvi.cli.run.RunOutcome;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.RunSettings;

/**
 * Runs one {@link RunTask} in the current JVM: the code shared by every executor (a child JVM, a
 * SLURM array task, a thread of the coordinator), so that all of them write the same files.
 *
 * <p>Resume rule: a run directory with a checkpoint whose {@code final.json} is missing or says
 * {@code interrupted} is resumed; a complete run with another budget, or a failed run, starts
 * again. A run holds an exclusive lock on {@code <dir>/run.lock} while it runs, so two processes
 * (a rerun on one node while a SLURM task still runs on another) never write one directory.
 */
public final class TaskRunner {

  /** Lock file inside a run directory. */
  public static final String LOCK = "run.lock";

  /** Exit code of a runner process whose run directory is locked by another process. */
  public static final int EXIT_LOCKED = 75;

  private TaskRunner() {}

  /** Thrown when another process holds the run directory's lock. */
  public static final class LockedException extends IOException {
    LockedException(Path dir) {
      super("another process is running " + dir + " (it holds " + LOCK + ")");
    }
  }

  /**
   * Runs {@code task} on {@code problem}.
   *
   * @param quiet no progress display
   * @throws LockedException if another process runs the same directory
   */
  public static RunOutcome run(RunTask task, RunProblem problem, boolean quiet)
      throws IOException {
    Files.createDirectories(task.dir());
    try (FileChannel ch = FileChannel.open(task.dir().resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new LockedException(task.dir());
      }
      try {
        return RunEngine.run(settings(task, quiet), problem);
      } finally {
        lock.release();
      }
    }
  }

  /** Whether another process holds the lock of run directory {@code dir} (it is running). */
  public static boolean isLocked(Path dir) {
    Path f = dir.resolve(LOCK);
    if (!Files.isRegularFile(f)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held inside this JVM (the threads executor)
    } catch (IOException e) {
      return false;
    }
  }

  /** The run settings of {@code task}, deciding between resume and a fresh start. */
  static RunSettings settings(RunTask task, boolean quiet) throws IOException {
    boolean resume = shouldResume(task.dir());
    if (!resume) {
      clearPreviousRun(task.dir());
    }
    Duration limit = task.timeLimitSeconds() > 0
        ? Duration.ofMillis(Math.round(task.timeLimitSeconds() * 1000)) : null;
    return new RunSettings(task.codeword(), task.seed(), task.budgetName(),
        task.maxEvaluations(), task.maxIterations(), limit, task.dir(), resume, task.threads(),
        List.of(), 120, 0, quiet, RunSettings.DEFAULT_FINAL_SAMPLES);
  }

  /** A checkpoint exists and {@code final.json} is missing or says {@code interrupted}. */
  public static boolean shouldResume(Path dir) throws IOException {
    if (!Checkpoint.exists(dir)) {
      return false;
    }
    Path fin = dir.resolve("final.json");
    return !Files.exists(fin) || "interrupted".equals(Json.readObject(fin).get("status"));
  }

  /**
   * Whether the run in {@code dir} completed with the budget of {@code task} (evaluations,
   * iterations and time limit as recorded in its {@code final.json}).
   */
  public static boolean isComplete(RunTask task) throws IOException {
    Path f = task.dir().resolve("final.json");
    if (!Files.isRegularFile(f)) {
      return false;
    }
    Map<String, Object> j;
    try {
      j = Json.readObject(f);
    } catch (IOException e) {
      return false; // unreadable: run again
    }
    double limit = j.get("time_limit_seconds") instanceof Number n ? n.doubleValue() : 0;
    return "completed".equals(j.get("status"))
        && j.get("max_target_evaluations") instanceof Number e
        && e.longValue() == task.maxEvaluations()
        && j.get("max_iterations") instanceof Number m && m.intValue() == task.maxIterations()
        && Math.abs(limit - task.timeLimitSeconds()) < 1e-6;
  }

  /** Deletes the files a previous run wrote into {@code dir} (only the runner's own files). */
  public static void clearPreviousRun(Path dir) throws IOException {
    for (String f : List.of(Checkpoint.FILE, "final.json", "metrics.csv", "config.yml", "run.json",
        "model.npz", "model.json", "neg_elbo_vs_evals.png", "neg_elbo_vs_time.png")) {
      Files.deleteIfExists(dir.resolve(f));
    }
  }
}
