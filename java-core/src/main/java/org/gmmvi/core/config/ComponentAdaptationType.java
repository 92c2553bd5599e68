package org.gmmvi.core.config;

import java.util.List;

/** Design choice 2, adaptation of the number of components (ALGORITHM.md §2.2). */
public enum ComponentAdaptationType implements DesignChoice {
  /** E: fixed number of components. */
  FIXED(OptionRow.of('E', "fixed", "fixed number of components")),
  /** A: VIPS-style adding and deleting of components. */
  ADAPTIVE(OptionRow.of('A', "adaptive", "adaptive: add components at promising samples, delete"
      + " low-weight ones (VIPS)",
      "del_iters", 100, "add_iters", 30, "max_components", 1000,
      "thresholds_for_add_heuristic", List.of(5000.0, 1000.0, 500.0, 200.0, 100.0, 50.0),
      "min_weight_for_del_heuristic", 1.0e-6, "num_database_samples", 100000,
      "num_prior_samples", 0));

  private final OptionRow row;

  ComponentAdaptationType(OptionRow row) {
    this.row = row;
  }

  @Override
  public OptionRow row() {
    return row;
  }
}
