package org.gmmvi.cli.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The live progress display of a run: iteration, target evaluations, last −ELBO, components,
 * iterations per second and an ETA against the budget. On a terminal ({@code System.console()}
 * exists and {@code isTerminal()}) one line is rewritten in place with a carriage return a few times
 * per second; otherwise a plain line is printed at most every {@code plainIntervalSeconds}.
 */
public final class Progress {

  private final PrintStream out;
  private final boolean terminal;
  private final double plainIntervalSeconds;
  private final String prefix;
  private long lastPrintNanos;
  private int lastWidth;
  private boolean quiet;

  /**
   * @param out                  where to print (normally {@code System.err})
   * @param terminal             whether to use carriage-return updates
   * @param plainIntervalSeconds minimum spacing of plain lines
   * @param prefix               text at the start of every line (e.g. {@code "SAMTRON gmm20 s10000"})
   */
  public Progress(PrintStream out, boolean terminal, double plainIntervalSeconds, String prefix) {
    this.out = out;
    this.terminal = terminal;
    this.plainIntervalSeconds = plainIntervalSeconds;
    this.prefix = prefix;
  }

  /** A progress display on stderr, terminal mode iff a console is attached. */
  public static Progress forStderr(String prefix) {
    java.io.Console c = System.console();
    return new Progress(System.err, c != null && c.isTerminal(), 10.0, prefix);
  }

  /** Silences the display (for runs inside {@code reproduce} with several runs in parallel). */
  public Progress quiet(boolean q) {
    this.quiet = q;
    return this;
  }

  /**
   * The state shown in one progress line. {@code elapsedSeconds} is the run's total wall clock
   * (including the time before a resume); the rate uses {@code iterationsSinceStart} over
   * {@code secondsSinceStart}, both counted in this process.
   */
  public record Snapshot(int iteration, long evaluations, double negElbo, int components,
      double elapsedSeconds, double fractionDone, int iterationsSinceStart,
      double secondsSinceStart) {}

  /** Updates the display; {@code force} prints a plain line regardless of the interval. */
  public void update(Snapshot s, boolean force) {
    if (quiet) {
      return;
    }
    long now = System.nanoTime();
    double since = (now - lastPrintNanos) * 1e-9;
    if (terminal) {
      if (!force && lastPrintNanos != 0 && since < 0.25) {
        return;
      }
      String line = line(s);
      int pad = Math.max(0, lastWidth - line.length());
      out.print("\r" + line + " ".repeat(pad));
      out.flush();
      lastWidth = line.length();
    } else {
      if (!force && lastPrintNanos != 0 && since < plainIntervalSeconds) {
        return;
      }
      out.println(line(s));
    }
    lastPrintNanos = now;
  }

  /** Ends the in-place line (terminal mode) so that following output starts on a new line. */
  public void finish() {
    if (!quiet && terminal && lastWidth > 0) {
      out.println();
      lastWidth = 0;
    }
  }

  /** Prints a message on its own line without breaking the progress line. */
  /**
   * A warning: shown like {@link #message} and also when quiet, then prefixed with the run (quiet
   * runs of {@code reproduce} share stderr).
   */
  public void warning(String text) {
    if (!quiet) {
      message(text);
    } else {
      out.println(prefix.isEmpty() ? text : prefix + ": " + text);
      out.flush();
    }
  }

  public void message(String text) {
    if (quiet) {
      return;
    }
    finish();
    out.println(text);
  }

  String line(Snapshot s) {
    double rate = s.secondsSinceStart() > 0 ? s.iterationsSinceStart() / s.secondsSinceStart() : 0;
    String eta = "?";
    if (s.fractionDone() > 0 && s.fractionDone() < 1 && s.elapsedSeconds() > 1) {
      eta = TimeLimit.format(s.elapsedSeconds() * (1 - s.fractionDone()) / s.fractionDone());
    } else if (s.fractionDone() >= 1) {
      eta = "0s";
    }
    return String.format(Locale.ROOT,
        "%sit %d | evals %,d | -ELBO %s | K %d | %s it/s | %3.0f%% | elapsed %s | ETA %s",
        prefix.isEmpty() ? "" : prefix + " | ", s.iteration(), s.evaluations(),
        Double.isNaN(s.negElbo()) ? "-" : String.format(Locale.ROOT, "%.4g", s.negElbo()),
        s.components(), String.format(Locale.ROOT, rate < 1 ? "%.2f" : "%.1f", rate),
        100 * Math.min(1, s.fractionDone()),
        TimeLimit.format(s.elapsedSeconds()), eta);
  }
}
