package org.gmmvi.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.core.config.ConfigException;
import org.gmmvi.core.config.ConfigMaps;
import org.gmmvi.core.config.YamlConfig;

/**
 * Config files of the runner: reading a YAML file with the core's loader ({@link YamlConfig}),
 * user errors naming the file, and the runner section {@code gmmvi_runner_config}. Merging and
 * copying are the core's ({@link ConfigMaps}), so {@code --config} files and
 * {@code GmmviOptimizer.builder().yaml(...)} read the same text the same way.
 */
public final class ConfigFiles {

  /** Section of runner settings inside a config ({@code log_metrics_interval} etc.). */
  public static final String RUNNER_SECTION = "gmmvi_runner_config";

  private ConfigFiles() {}

  /**
   * Reads a YAML config file whose top level is a mapping, with the core's loader
   * ({@link YamlConfig#load}: YAML 1.2 core schema, so the reference's {@code True},
   * {@code 5000.} and {@code 1e-3} are a boolean and floats; type tags refused).
   *
   * @throws UsageException naming the file if it is missing, unreadable, not YAML or not a mapping
   */
  public static Map<String, Object> readYaml(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read config file '" + file + "': "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
    }
    try {
      return YamlConfig.load(text);
    } catch (ConfigException e) {
      throw new UsageException("config file '" + file + "': " + e.getMessage(), e);
    }
  }

  /** A copy of the runner section {@code gmmvi_runner_config} of {@code config} (empty if absent). */
  public static Map<String, Object> runnerSection(Map<String, Object> config) {
    Object section = config.get(RUNNER_SECTION);
    if (section != null && !(section instanceof Map<?, ?>)) {
      throw new UsageException("config key '" + RUNNER_SECTION + "' must be a mapping, got "
          + section);
    }
    if (section == null) {
      return new LinkedHashMap<>();
    }
    try {
      return ConfigMaps.deepCopy(ConfigMaps.stringKeyed((Map<?, ?>) section, RUNNER_SECTION));
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage(), e);
    }
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
