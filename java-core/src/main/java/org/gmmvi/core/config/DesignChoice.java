package org.gmmvi.core.config;

import java.util.Map;

/**
 * An option of one of the seven design choices (ALGORITHM.md §3.1): sealed over the seven option
 * enums, one per codeword position. Each enum constant carries its {@link OptionRow} (letter, type
 * string, description, default config); the typed config of an option is parsed by the position's
 * config type and its module is built in {@code org.gmmvi.core.optimizer.Modules}, both by exhaustive
 * switches, so a new constant does not compile until its row, parser and factory exist.
 */
public sealed interface DesignChoice permits NgEstimatorType, ComponentAdaptationType,
    SampleSelectorType, ComponentUpdaterType, ComponentStepsizeType, WeightUpdaterType,
    WeightStepsizeType {

  /** The option's table row. */
  OptionRow row();

  /** The option's letter in the codeword (upper case). */
  default char letter() {
    return row().letter();
  }

  /** The reference's type string, e.g. {@code "trust-region"} (§3.1). */
  default String typeString() {
    return row().typeString();
  }

  /** One line explaining the option (shown by {@code gmmvi list codewords}). */
  default String description() {
    return row().description();
  }

  /** The reference's default {@code …_config} map of the option (§3.3; a fresh, mutable map). */
  default Map<String, Object> defaults() {
    return row().defaults();
  }

  /** Whether {@code s} names this option (the type string or an alias; exact match). */
  default boolean acceptsTypeString(String s) {
    return row().accepts(s);
  }
}
