package org.gmmvi.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.core.config.DesignChoice;
import org.gmmvi.core.config.ModulePosition;
import org.gmmvi.core.config.NamedCodeword;
import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
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
    out.printf(Locale.ROOT, "%-24s %4s %12s %10s %6s  %s%n", "problem", "D", "full budget",
        "smoke", "log", "description / data needed");
    for (Problem p : Problems.all()) {
      out.printf(Locale.ROOT, "%-24s %4d %,12d %,10d %6d  %s%n", p.name(), p.dimension(),
          p.budget().full(), p.budget().smoke(), p.defaultLogInterval(), p.description());
      out.printf(Locale.ROOT, "%-24s %4s %12s %10s %6s  data: %s%n", "", "", "", "", "",
          p.dataFiles().isEmpty() ? "none" : String.join(", ", p.dataFiles()));
    }
    out.println();
    out.println("Budgets are target evaluations (PROBLEMS.md §3.5); 'log' is the default"
        + " log_metrics_interval in iterations.");
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
