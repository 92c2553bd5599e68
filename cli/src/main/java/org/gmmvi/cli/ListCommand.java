package org.gmmvi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.reproduce.ResourceEstimate;
import org.gmmvi.cli.run.RegistryProblem;
import org.gmmvi.core.config.DesignChoice;
import org.gmmvi.core.config.ModulePosition;
import org.gmmvi.core.config.NamedCodeword;
import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.io.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gmmvi list codewords|problems|backends}. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Explain the codeword letters, the problems or the kernel backends.")
final class ListCommand implements Callable<Integer> {

  @Parameters(paramLabel = "codewords|problems|backends", description = "What to list.")
  String what;

  @Mixin
  SharedOptions.Debug debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    java.io.PrintWriter out = spec.commandLine().getOut();
    switch (what.toLowerCase(Locale.ROOT)) {
      case "codewords", "codeword", "letters" -> codewords(out);
      case "problems", "problem" -> problems(out);
      case "backends", "backend" -> backends(out);
      default -> throw new UsageException("list: unknown topic '" + what
          + "'; choose codewords, problems or backends");
    }
    out.flush();
    return 0;
  }

  static void codewords(java.io.PrintWriter out) {
    out.println("A codeword has seven letters, one per design choice, in this order"
        + " (2*2*2*3*3*2*3 = 432 variants):");
    for (ModulePosition p : ModulePosition.values()) {
      out.printf(Locale.ROOT, "%n%d. %s (%s)%n", p.number(), p.moduleName(), p.typeKey());
      for (DesignChoice d : p.options()) {
        out.printf(Locale.ROOT, "   %c  %-20s %s%n", d.letter(), "\"" + d.typeString() + "\"",
            d.description());
      }
    }
    out.println();
    out.println("Named codewords:");
    for (NamedCodeword cw : NamedCodeword.values()) {
      out.printf(Locale.ROOT, "   %s  %s%n", cw.codeword(), cw.description());
    }
  }

  static void problems(java.io.PrintWriter out) {
    out.printf(Locale.ROOT, "%-24s %4s %12s %10s %6s %7s %7s  %s%n", "problem", "D",
        "full budget", "smoke", "log", "memory", "disk", "description / data needed");
    for (Problem p : Problems.all()) {
      String[] est = estimate(p);
      out.printf(Locale.ROOT, "%-24s %4d %,12d %,10d %6d %7s %7s  %s%n", p.name(), p.dimension(),
          p.budget().full(), p.budget().smoke(), p.defaultLogInterval(), est[0], est[1],
          p.description());
      out.printf(Locale.ROOT, "%-24s %4s %12s %10s %6s %7s %7s  data: %s%n", "", "", "", "", "",
          "", "", p.dataFiles().isEmpty() ? "none" : String.join(", ", p.dataFiles()));
    }
    out.println();
    out.println("Budgets are target evaluations (PROBLEMS.md §3.5); 'log' is the default"
        + " log_metrics_interval in iterations. 'memory' is the estimated memory of one SAMTRON"
        + " run at the full budget (JVM heap plus non-heap), 'disk' its run directory at the"
        + " peak (checkpoint being replaced); see 'reproduce' in cli/README.md.");
  }

  /** Memory and disk of a SAMTRON run at the full budget, or "?" without data/config. */
  static String[] estimate(Problem p) {
    try {
      DataDirectory data = DataDirectory.resolve(null);
      long bytes = 0;
      for (String f : p.dataFiles()) {
        Path file = data.file(f);
        bytes += Files.isRegularFile(file) ? Files.size(file) : 0;
      }
      ResourceEstimate e = ResourceEstimate.of(new RegistryProblem(p, data), "SAMTRON",
          p.budget().full(), bytes, 1);
      return new String[] {ResourceEstimate.format(e.processBytes()),
          ResourceEstimate.format(e.diskBytes())};
    } catch (IOException | RuntimeException e) {
      return new String[] {"?", "?"};
    }
  }

  static void backends(java.io.PrintWriter out) {
    out.println("Kernel backends (choose with -Dgmmvi.kernels.backend=NAME or the environment"
        + " variable GMMVI_KERNELS_BACKEND; default auto):");
    for (Backend b : Backend.values()) {
      String status;
      try {
        status = "available (" + KernelProvider.create(b.id()).name() + ")";
      } catch (RuntimeException | LinkageError ex) {
        status = "not available: " + ex.getMessage();
      }
      out.printf(Locale.ROOT, "   %-9s %-66s %s%n", b.id(), b.description(), status);
    }
    out.println();
    out.println("active backend in this process: " + KernelProvider.get().name()
        + " (requested: " + KernelProvider.requested() + ")");
  }
}
