package org.gmmvi.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.reproduce.RunTask;
import org.gmmvi.cli.reproduce.TaskFile;
import org.gmmvi.cli.reproduce.TaskRunner;
import org.gmmvi.cli.run.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gmmvi reproduce task --tasks FILE --index I}: runs task {@code I} of a task file written
 * by an executor, in this JVM (a child JVM of the local executor or a SLURM array task). Exit
 * codes: 0 completed, 1 failed, 2 usage error, {@value TaskRunner#EXIT_LOCKED} another process
 * runs the same run directory.
 */
@Command(name = "task", hidden = true, mixinStandardHelpOptions = true,
    description = "Run one task of a reproduce task file (used by the executors).")
final class ReproduceTaskCommand implements Callable<Integer> {

  @Option(names = "--tasks", required = true, paramLabel = "FILE", description = "Task file.")
  Path tasks;

  @Option(names = "--index", required = true, paramLabel = "I",
      description = "Task index (a SLURM array task id).")
  int index;

  @Option(names = "--watch-parent",
      description = "Stop (after a checkpoint) when standard input closes: the coordinator died.")
  boolean watchParent;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TaskFile f = TaskFile.read(tasks);
    if (index < 0 || index >= f.tasks().size()) {
      throw new UsageException("--index " + index + " is not a task of " + tasks + " (it has "
          + f.tasks().size() + ")");
    }
    RunTask t = f.tasks().get(index);
    SharedOptions.Data data = new SharedOptions.Data();
    data.dataDir = f.dataDir();
    if (watchParent) {
      watchStandardInput();
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("gmmvi task " + index + " of " + tasks + ": " + t.label() + " in " + t.dir()
        + " (pid " + ProcessHandle.current().pid() + ", " + (TaskRunner.shouldResume(t.dir())
        ? "resuming from its checkpoint" : "starting") + ")");
    err.flush();
    RunOutcome o;
    try {
      o = TaskRunner.run(t, data.problem(t.problem()), true);
    } catch (TaskRunner.LockedException e) {
      err.println("gmmvi: " + e.getMessage());
      err.flush();
      return TaskRunner.EXIT_LOCKED;
    }
    return RunCommand.report(o, err);
  }

  /** A daemon thread that exits the JVM (shutdown hooks checkpoint the run) on end of input. */
  private static void watchStandardInput() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the coordinator writes nothing; wait for the pipe to close
        }
      } catch (IOException e) {
        // closed as well
      }
      System.err.println("gmmvi: the coordinating process has gone; checkpointing and stopping");
      System.exit(Main.EXIT_FAILURE);
    }, "gmmvi-parent-watch");
    t.setDaemon(true);
    t.start();
  }
}
