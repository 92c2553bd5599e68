package org.gmmvi.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gmmvi.cli.error.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ./gmmvi} launcher.
 *
 * <p>Commands: {@code run} (one codeword on one problem), {@code reproduce} (the paper's grid with
 * a report), {@code list} (codewords, problems, kernel backends). Without arguments it runs the
 * README's main job, {@link #QUICKSTART}.
 *
 * <p>Exit codes: 0 success; 1 runtime failure (the run's results so far are kept and
 * {@code final.json} marks the run as failed); 2 user error (bad arguments, unknown problem or
 * codeword, unreadable config, missing data): one message on stderr, no stack trace unless
 * {@code --debug}.
 */
@Command(name = "gmmvi", mixinStandardHelpOptions = true, version = "gmmvi 0.1.0",
    description = {"Variational inference with Gaussian mixture models (GMMVI): run codewords on the"
        + " paper's problems and reproduce its results.",
        "Without arguments, runs the main job: run --problem breast_cancer --algorithm SAMTRON"
            + " --budget smoke --out runs/quickstart --fresh."},
    subcommands = {RunCommand.class, ReproduceCommand.class, EvaluateCommand.class,
        ListCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {

  /** Exit code of a runtime failure. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of a user error. */
  public static final int EXIT_USAGE = 2;

  /**
   * The main job run without arguments: SAMTRON on BreastCancer (D = 31) with the smoke budget of
   * 100,000 target evaluations (docs/spec/PROBLEMS.md §3.5).
   */
  static final List<String> QUICKSTART = List.of("run", "--problem", "breast_cancer",
      "--algorithm", "SAMTRON", "--budget", "smoke", "--out", "runs/quickstart", "--fresh");

  private Main() {}

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err);
    System.exit(code);
  }

  /** Runs the command line and returns the exit code (for tests: no {@code System.exit}). */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    String[] a = args;
    if (a.length == 0) {
      a = QUICKSTART.toArray(String[]::new);
      a[a.length - 2] = quickstartDir().toString();
      err.println("gmmvi: no arguments: running the main job (" + String.join(" ", a)
          + "); see './gmmvi --help' for the commands");
    }
    boolean debug = List.of(a).contains("--debug");
    configureLogging(List.of(a).contains("--verbose"), debug);
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, args2) -> {
      err.println("gmmvi: " + ex.getMessage());
      CommandLine c = ex.getCommandLine();
      err.println("(see './gmmvi " + (c.getCommandName().equals("gmmvi") ? ""
          : c.getCommandName() + " ") + "--help')");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parse) -> {
      if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
        err.println("gmmvi: " + ex.getMessage());
        if (debug) {
          ex.printStackTrace(err);
        }
        return EXIT_USAGE;
      }
      err.println("gmmvi: failed: " + ex);
      if (debug) {
        ex.printStackTrace(err);
      } else {
        err.println("(rerun with --debug for the stack trace)");
      }
      return EXIT_FAILURE;
    });
    return cl.execute(a);
  }

  /**
   * Log level of the whole process: {@code WARNING} by default (the kernel backend's routing and
   * other details are {@code INFO}), {@code INFO} with {@code --verbose}, {@code FINE} with
   * {@code --debug}. Sets the root logger and its handlers.
   */
  static void configureLogging(boolean verbose, boolean debug) {
    Level level = debug ? Level.FINE : verbose ? Level.INFO : Level.WARNING;
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    for (Handler h : root.getHandlers()) {
      h.setLevel(level);
    }
  }

  /** {@code <gmmvi.home>/runs/quickstart}, or {@code runs/quickstart} in the working directory. */
  static Path quickstartDir() {
    String home = System.getProperty("gmmvi.home");
    Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return base.resolve("runs").resolve("quickstart").toAbsolutePath().normalize();
  }
}
