package org.gmmvi.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, validated reads from one config map (a module's {@code …_config} or a top-level section),
 * with error messages that name the full key path, the value and what is allowed. {@link #finish()}
 * rejects every key that was not read, suggesting the closest valid one.
 */
final class ConfigSection {

  private final String path;
  private final Map<String, Object> map;
  private final Set<String> valid = new LinkedHashSet<>();

  ConfigSection(String path, Map<String, Object> map) {
    this.path = path;
    this.map = map == null ? Map.of() : map;
  }

  /** Wraps the value found at {@code key} of {@code parent}, which must be a map (or absent/null). */
  static ConfigSection of(String path, Object value) {
    if (value == null) {
      return new ConfigSection(path, null);
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new ConfigException(path + " must be a map of settings, got " + describe(value));
    }
    return new ConfigSection(path, ConfigMaps.stringKeyed(m, path));
  }

  String path() {
    return path;
  }

  private String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Declares {@code key} as valid without reading it (for keys read elsewhere). */
  void allow(String... keys) {
    valid.addAll(List.of(keys));
  }

  boolean has(String key) {
    valid.add(key);
    return map.containsKey(key) && map.get(key) != null;
  }

  Object raw(String key) {
    valid.add(key);
    return map.get(key);
  }

  private Object required(String key, String what) {
    valid.add(key);
    if (!map.containsKey(key) || map.get(key) == null) {
      throw new ConfigException("missing " + name(key) + " (" + what + ")");
    }
    return map.get(key);
  }

  double number(String key, String what) {
    Object v = required(key, what);
    if (!(v instanceof Number n) || v instanceof Byte) {
      throw new ConfigException(name(key) + " must be a number (" + what + "), got "
          + describe(v));
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new ConfigException(name(key) + " must be finite (" + what + "), got " + d);
    }
    return d;
  }

  double positive(String key, String what) {
    double d = number(key, what);
    if (!(d > 0)) {
      throw new ConfigException(name(key) + " must be > 0 (" + what + "), got " + d);
    }
    return d;
  }

  double atLeast(String key, double min, String what) {
    double d = number(key, what);
    if (d < min) {
      throw new ConfigException(name(key) + " must be >= " + min + " (" + what + "), got " + d);
    }
    return d;
  }

  long integer(String key, long min, String what) {
    Object v = required(key, what);
    long l = toLong(name(key), v, what);
    if (l < min) {
      throw new ConfigException(name(key) + " must be an integer >= " + min + " (" + what
          + "), got " + l);
    }
    return l;
  }

  int intAtLeast(String key, int min, String what) {
    long l = integer(key, min, what);
    if (l > Integer.MAX_VALUE) {
      throw new ConfigException(name(key) + " is too large (" + what + "): " + l);
    }
    return (int) l;
  }

  static long toLong(String name, Object v, String what) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b) {
      if (b.bitLength() > 62) {
        throw new ConfigException(name + " is too large (" + what + "): " + b);
      }
      return b.longValue();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9e15) {
        return (long) d;
      }
    }
    throw new ConfigException(name + " must be an integer (" + what + "), got " + describe(v));
  }

  boolean bool(String key, String what) {
    Object v = required(key, what);
    if (!(v instanceof Boolean b)) {
      throw new ConfigException(name(key) + " must be true or false (" + what + "), got "
          + describe(v));
    }
    return b;
  }

  boolean boolOr(String key, boolean dflt, String what) {
    return has(key) ? bool(key, what) : dflt;
  }

  String string(String key, String what) {
    Object v = required(key, what);
    if (!(v instanceof String s)) {
      throw new ConfigException(name(key) + " must be a string (" + what + "), got "
          + describe(v));
    }
    return s;
  }

  /**
   * A number or a list of numbers ({@code what} explains the meaning); a scalar becomes a length-1
   * array.
   */
  double[] scalarOrVector(String key, String what) {
    Object v = required(key, what);
    return numbers(name(key), v, what);
  }

  static double[] numbers(String name, Object v, String what) {
    if (v instanceof Number n) {
      return new double[] {checkFinite(name, n.doubleValue(), what)};
    }
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        throw new ConfigException(name + " must not be an empty list (" + what + ")");
      }
      double[] out = new double[l.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = l.get(i);
        if (!(e instanceof Number n)) {
          throw new ConfigException(name + "[" + i + "] must be a number (" + what + "), got "
              + describe(e));
        }
        out[i] = checkFinite(name + "[" + i + "]", n.doubleValue(), what);
      }
      return out;
    }
    throw new ConfigException(name + " must be a number or a list of numbers (" + what + "), got "
        + describe(v));
  }

  private static double checkFinite(String name, double d, String what) {
    if (!Double.isFinite(d)) {
      throw new ConfigException(name + " must be finite (" + what + "), got " + d);
    }
    return d;
  }

  /** A nested map, or an empty map when absent/null. */
  Map<String, Object> subMap(String key) {
    Object v = raw(key);
    if (v == null) {
      return new LinkedHashMap<>();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new ConfigException(name(key) + " must be a map, got " + describe(v));
    }
    return ConfigMaps.deepCopy(ConfigMaps.stringKeyed(m, name(key)));
  }

  /** Rejects every key that no read declared valid, naming the closest valid key. */
  void finish() {
    List<String> unknown = new ArrayList<>();
    for (String k : map.keySet()) {
      if (!valid.contains(k)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      String k = unknown.get(0);
      throw new ConfigException("unknown key '" + name(k) + "'"
          + ConfigException.suggestion(k, valid) + " (valid keys"
          + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", valid) + ")");
    }
  }

  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
    if (s.length() > 60) {
      s = s.substring(0, 57) + "...";
    }
    String t = v instanceof String ? "string" : v instanceof Number ? "number"
        : v instanceof Boolean ? "boolean" : v instanceof List ? "list" : v instanceof Map ? "map"
        : v.getClass().getSimpleName();
    return s + " (" + t + ")";
  }
}
