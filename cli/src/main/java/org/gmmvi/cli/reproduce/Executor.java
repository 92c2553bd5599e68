package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the missing runs of a reproduction: {@link LocalProcessExecutor} (each run in its own JVM
 * on this machine), {@link SlurmExecutor} (one {@code sbatch --array} job per cell, returns after
 * submitting) or {@link ThreadExecutor} (threads of the coordinator's JVM, the former behaviour).
 * Every executor runs a task through {@link TaskRunner}, so the run directories are the same.
 */
public interface Executor {

  /**
   * What {@link #execute} did.
   *
   * @param completed runs that completed
   * @param failed    runs that failed (their {@code final.json} says why) or died
   * @param submitted runs handed to a batch system that have not finished yet
   */
  record Result(int completed, int failed, int submitted) {}

  /** Name shown in messages and the report ({@code local}, {@code slurm}, {@code threads}). */
  String name();

  /**
   * Runs or submits {@code tasks}.
   *
   * @param root    the reproduction directory (executor files go below it)
   * @param dataDir the data directory the runs read (absolute), or null
   * @param log     progress messages
   */
  Result execute(Path root, String dataDir, List<RunTask> tasks, PrintWriter log)
      throws IOException, InterruptedException;
}
