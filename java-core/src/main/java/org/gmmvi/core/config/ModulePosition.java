package org.gmmvi.core.config;

/**
 * The seven codeword positions (ALGORITHM.md §2, §3.1) in canonical order, with the reference's
 * config key prefix ({@code <prefix>_type}, {@code <prefix>_config}) and the enum of options.
 */
public enum ModulePosition {
  NG_ESTIMATOR("NgEstimator", "ng_estimator", NgEstimatorType.class),
  COMPONENT_ADAPTATION("ComponentAdaptation", "num_component_adapter",
      ComponentAdaptationType.class),
  SAMPLE_SELECTOR("SampleSelector", "sample_selector", SampleSelectorType.class),
  COMPONENT_UPDATER("NgBasedComponentUpdater", "ng_based_updater", ComponentUpdaterType.class),
  COMPONENT_STEPSIZE("ComponentStepsizeAdaptation", "component_stepsize_adapter",
      ComponentStepsizeType.class),
  WEIGHT_UPDATER("WeightUpdater", "weight_updater", WeightUpdaterType.class),
  WEIGHT_STEPSIZE("WeightStepsizeAdaptation", "weight_stepsize_adapter", WeightStepsizeType.class);

  private final String moduleName;
  private final String prefix;
  private final Class<? extends DesignChoice> options;

  ModulePosition(String moduleName, String prefix, Class<? extends DesignChoice> options) {
    this.moduleName = moduleName;
    this.prefix = prefix;
    this.options = options;
  }

  /** 1-based position in the codeword. */
  public int number() {
    return ordinal() + 1;
  }

  /** The module's name, e.g. {@code "NgEstimator"}. */
  public String moduleName() {
    return moduleName;
  }

  /** The key of the option's type string, e.g. {@code "ng_estimator_type"}. */
  public String typeKey() {
    return prefix + "_type";
  }

  /** The key of the option's config map, e.g. {@code "ng_estimator_config"}. */
  public String configKey() {
    return prefix + "_config";
  }

  /** The options of this position. */
  public DesignChoice[] options() {
    return options.getEnumConstants();
  }

  /** The option with letter {@code c} (case-insensitive), or {@code null}. */
  public DesignChoice byLetter(char c) {
    char u = Character.toUpperCase(c);
    for (DesignChoice o : options()) {
      if (o.letter() == u) {
        return o;
      }
    }
    return null;
  }

  /** The option accepting type string {@code s}, or {@code null}. */
  public DesignChoice byTypeString(String s) {
    for (DesignChoice o : options()) {
      if (o.acceptsTypeString(s)) {
        return o;
      }
    }
    return null;
  }

  /** {@code "position 1 (NgEstimator: Z = \"MORE\", S = \"Stein\")"} for error messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder("position ").append(number()).append(" (")
        .append(moduleName).append(": ");
    DesignChoice[] opts = options();
    for (int i = 0; i < opts.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(opts[i].letter()).append(" = \"").append(opts[i].typeString()).append('"');
    }
    return sb.append(')').toString();
  }

  /** The allowed letters, e.g. {@code "Z or S"}. */
  public String allowedLetters() {
    StringBuilder sb = new StringBuilder();
    DesignChoice[] opts = options();
    for (int i = 0; i < opts.length; i++) {
      if (i > 0) {
        sb.append(i == opts.length - 1 ? " or " : ", ");
      }
      sb.append(opts[i].letter());
    }
    return sb.toString();
  }
}
