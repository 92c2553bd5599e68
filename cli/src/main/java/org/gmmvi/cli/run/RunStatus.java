package org.gmmvi.cli.run;

import java.util.Locale;

/**
 * How a run ended, as {@code final.json} records it in its {@code status} field. {@link #toString}
 * is that lower-case name.
 */
public enum RunStatus {
  /** The run stopped at its budget, iteration cap, time limit or convergence stop. */
  COMPLETED,
  /** Ctrl-C or SIGTERM: checkpoint and results written; continue with {@code --resume}. */
  INTERRUPTED,
  /** An error stopped the run; results so far and the error are in {@code final.json}. */
  FAILED;

  /** The name in {@code final.json}: {@code completed}, {@code interrupted} or {@code failed}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
