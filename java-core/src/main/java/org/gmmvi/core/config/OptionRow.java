package org.gmmvi.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a design-choice table (ALGORITHM.md §3.1, §3.3): everything an option of any of the
 * seven {@link DesignChoice} enums declares about itself. Every enum constant is constructed with
 * its row, so an option cannot exist without its letter, type string, description and defaults.
 *
 * @param letter      the letter in the codeword (upper case)
 * @param typeString  the reference's type string, the value of the {@code …_type} key
 * @param description one line for {@code gmmvi list codewords}
 * @param defaults    the reference's default {@code …_config} map (§3.3), in the reference's key
 *                    order; read it through {@link #defaults()}, which returns a fresh copy
 * @param aliases     further type strings accepted on input (§6 item 13)
 */
public record OptionRow(char letter, String typeString, String description,
    Map<String, Object> defaults, List<String> aliases) {

  public OptionRow {
    defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    aliases = List.copyOf(aliases);
  }

  /**
   * A row without aliases.
   *
   * @param defaults key, value, key, value, … of the default config map (in order)
   */
  public static OptionRow of(char letter, String typeString, String description,
      Object... defaults) {
    if (defaults.length % 2 != 0) {
      throw new IllegalArgumentException("defaults of " + letter + " need key/value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < defaults.length; i += 2) {
      m.put((String) defaults[i], defaults[i + 1]);
    }
    return new OptionRow(letter, typeString, description, m, List.of());
  }

  /** This row, also accepting the type strings {@code aliases} on input. */
  public OptionRow withAliases(String... aliases) {
    return new OptionRow(letter, typeString, description, defaults, List.of(aliases));
  }

  /** The default {@code …_config} map (a fresh, mutable deep copy). */
  @Override
  public Map<String, Object> defaults() {
    return ConfigMaps.deepCopy(defaults);
  }

  /** Whether {@code s} names this option (the type string or an alias; exact match). */
  public boolean accepts(String s) {
    return typeString.equals(s) || aliases.contains(s);
  }
}
