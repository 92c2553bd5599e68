package org.gmmvi.core.config;

/**
 * An option of one of the seven design choices (ALGORITHM.md §3.1): its codeword letter and the
 * reference implementation's type string (the value of the module's {@code …_type} config key).
 * Implemented by one enum per design choice.
 */
public interface DesignChoice {

  /** The option's letter in the codeword (upper case). */
  char letter();

  /** The reference's type string, e.g. {@code "trust-region"} (§3.1). */
  String typeString();

  /** Further type strings accepted on input (aliases, §6 item 13); empty for most options. */
  default String[] typeAliases() {
    return new String[0];
  }

  /** Whether {@code s} names this option (the type string or an alias; exact match). */
  default boolean acceptsTypeString(String s) {
    if (typeString().equals(s)) {
      return true;
    }
    for (String a : typeAliases()) {
      if (a.equals(s)) {
        return true;
      }
    }
    return false;
  }
}
