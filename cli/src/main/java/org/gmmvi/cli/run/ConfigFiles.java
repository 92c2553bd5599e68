package org.gmmvi.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.UsageException;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Config maps of the runner: YAML files (snakeyaml-engine, YAML 1.2 core schema, no type
 * construction), deep merging with the reference's "replace" semantics (nested maps are merged,
 * scalars and lists replaced), and the runner section {@code gmmvi_runner_config}.
 */
public final class ConfigFiles {

  /** Section of runner settings inside a config ({@code log_metrics_interval} etc.). */
  public static final String RUNNER_SECTION = "gmmvi_runner_config";

  private ConfigFiles() {}

  /**
   * Reads a YAML config file whose top level is a mapping.
   *
   * @throws UsageException naming the file if it is missing, unreadable or not a mapping
   */
  public static Map<String, Object> readYaml(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read config file '" + file + "': "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
    }
    Object o;
    try {
      o = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
    } catch (RuntimeException e) {
      String msg = String.valueOf(e.getMessage()).replace('\n', ' ').replaceAll(" {2,}", " ")
          .strip();
      if (msg.startsWith("could not determine a constructor for the tag")) {
        throw new UsageException("config file '" + file + "': YAML type tags are refused (a"
            + " config holds only maps, lists, strings, numbers and booleans): "
            + msg.substring("could not determine a constructor for the ".length()), e);
      }
      throw new UsageException("config file '" + file + "' is not valid YAML: " + msg, e);
    }
    if (o == null) {
      return new LinkedHashMap<>();
    }
    if (!(o instanceof Map<?, ?> m)) {
      throw new UsageException("config file '" + file + "' must hold a mapping of config keys at"
          + " the top level, got " + o.getClass().getSimpleName());
    }
    return copy(m);
  }

  /** YAML text of {@code config} (block style). */
  public static String toYaml(Map<String, Object> config) {
    DumpSettings s = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
    return new Dump(s).dumpToString(config);
  }

  /** A deep, mutable copy with string keys. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.put(String.valueOf(e.getKey()), copyValue(e.getValue()));
    }
    return out;
  }

  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return copy(m);
    }
    if (v instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      for (Object o : l) {
        c.add(copyValue(o));
      }
      return c;
    }
    return v;
  }

  /** Merges {@code over} into {@code base} in place ("replace" semantics) and returns base. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, ?> over) {
    for (Map.Entry<String, ?> e : over.entrySet()) {
      Object cur = base.get(e.getKey());
      if (cur instanceof Map<?, ?> cm && e.getValue() instanceof Map<?, ?> om) {
        deepMerge((Map<String, Object>) cm, (Map<String, Object>) om);
      } else {
        base.put(e.getKey(), copyValue(e.getValue()));
      }
    }
    return base;
  }

  /** A copy of the runner section {@code gmmvi_runner_config} of {@code config} (empty if absent). */
  public static Map<String, Object> runnerSection(Map<String, Object> config) {
    Object section = config.get(RUNNER_SECTION);
    if (section != null && !(section instanceof Map<?, ?>)) {
      throw new UsageException("config key '" + RUNNER_SECTION + "' must be a mapping, got "
          + section);
    }
    return section == null ? new LinkedHashMap<>() : copy((Map<?, ?>) section);
  }

  /** A positive integer setting of the runner section, or {@code fallback}. */
  static int positiveInt(Map<String, Object> runner, String key, int fallback) {
    Object v = runner.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.longValue() >= 1 && n.longValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new UsageException("config key '" + RUNNER_SECTION + "." + key
        + "' must be a positive integer, got " + v);
  }
}
