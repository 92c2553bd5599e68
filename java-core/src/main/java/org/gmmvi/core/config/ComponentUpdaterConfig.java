package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ng_based_updater_config} (ALGORITHM.md §2.4): no settings besides the type. */
public record ComponentUpdaterConfig(ComponentUpdaterType type) {

  static ComponentUpdaterConfig parse(ComponentUpdaterType type, ConfigSection s) {
    s.finish();
    return new ComponentUpdaterConfig(type);
  }

  Map<String, Object> toMap() {
    return new LinkedHashMap<>();
  }
}
