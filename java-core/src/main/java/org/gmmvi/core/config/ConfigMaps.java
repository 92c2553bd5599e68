package org.gmmvi.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copy and deep merge of config maps ({@code Map<String, Object>} trees of scalars, lists, maps). */
public final class ConfigMaps {

  private ConfigMaps() {}

  /**
   * Merges {@code override} into a deep copy of {@code base} with the reference's "replace"
   * semantics (ALGORITHM.md §3.2): nested maps are merged key by key, every other value (scalars,
   * lists, {@code null}) replaces the base value.
   */
  public static Map<String, Object> deepMerge(Map<String, Object> base,
      Map<String, Object> override) {
    Map<String, Object> out = deepCopy(base);
    for (Map.Entry<String, Object> e : override.entrySet()) {
      Object b = out.get(e.getKey());
      Object o = e.getValue();
      if (b instanceof Map<?, ?> bm && o instanceof Map<?, ?> om) {
        out.put(e.getKey(), deepMerge(stringKeyed(bm, e.getKey()), stringKeyed(om, e.getKey())));
      } else {
        out.put(e.getKey(), copyValue(o));
      }
    }
    return out;
  }

  /** A deep copy (maps become {@link LinkedHashMap}s, lists {@link ArrayList}s). */
  public static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out.put(e.getKey(), copyValue(e.getValue()));
    }
    return out;
  }

  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopy(stringKeyed(m, "map"));
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copyValue(o));
      }
      return out;
    }
    if (v instanceof double[] a) {
      List<Object> out = new ArrayList<>(a.length);
      for (double d : a) {
        out.add(d);
      }
      return out;
    }
    return v;
  }

  /**
   * Checks that every key is a string and returns the map typed accordingly.
   *
   * @throws ConfigException naming {@code path} for a key that is not a string
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> stringKeyed(Map<?, ?> m, String path) {
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new ConfigException("keys must be strings, got " + ConfigSection.describe(k)
            + " in " + path);
      }
    }
    return (Map<String, Object>) m;
  }
}
