package org.gmmvi.cli;

import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.run.RegistryProblem;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.io.DataDirectory;
import picocli.CommandLine.Option;

/** Options shared by several commands, as picocli mixins. */
final class SharedOptions {

  private SharedOptions() {}

  /** {@code --threads}: worker threads of a command that runs the mixture kernels. */
  static final class Threads {
    @Option(names = "--threads", paramLabel = "N",
        description = "Worker threads: target evaluations, mixture kernels and per-component"
            + " estimates (default: available processors). Results do not depend on it.")
    Integer threads;

    /** The thread count: the option, else the available processors (below 1: a usage error). */
    int count() {
      return threads(threads);
    }
  }

  /** The value of a {@code --threads} option: the available processors when not given. */
  static int threads(Integer option) {
    int t = option != null ? option : Runtime.getRuntime().availableProcessors();
    if (t < 1) {
      throw new UsageException("--threads must be >= 1, got " + t);
    }
    return t;
  }

  /**
   * {@code --verbose} and {@code --debug}: declared for every command; {@link Main} reads them
   * before parsing.
   */
  static final class Debug {
    @Option(names = "--verbose", description = "Log details (kernel backend routing, ...).")
    boolean verbose;

    @Option(names = "--debug", description = "Log everything and print stack traces of errors.")
    boolean debug;
  }

  /** {@code --data-dir} and the lookup of a paper problem with its data. */
  static final class Data {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Data directory (default: $GMMVI_DATA, -Dgmmvi.data.dir, ../shared/data).")
    String dataDir;

    /** The registry problem {@code name} reading this data directory (bad names: usage errors). */
    RunProblem problem(String name) {
      return new RegistryProblem(lookup(name), DataDirectory.resolve(dataDir));
    }

    /** The registry problem {@code name} (unknown names: usage errors). */
    static Problem lookup(String name) {
      try {
        return Problems.get(name);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
  }
}
