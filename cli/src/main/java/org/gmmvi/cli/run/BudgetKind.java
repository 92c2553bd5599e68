package org.gmmvi.cli.run;

import java.util.Locale;

/**
 * Where a run's target-evaluation budget came from, as {@code run.json} records it in its
 * {@code budget} field. {@link #toString} is that lower-case name.
 */
public enum BudgetKind {
  /** The problem's full budget (PROBLEMS.md §3.5; user targets: 1,000,000). */
  FULL,
  /** The problem's smoke budget (PROBLEMS.md §3.5; user targets: 50,000). */
  SMOKE,
  /** An explicit {@code --max-evals}. */
  CUSTOM;

  /** The name in {@code run.json}: {@code full}, {@code smoke} or {@code custom}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind named {@code name} (any case).
   *
   * @throws IllegalArgumentException for other names
   */
  public static BudgetKind of(String name) {
    for (BudgetKind k : values()) {
      if (k.jsonName().equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("budget must be full, smoke or custom, got '" + name + "'");
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
