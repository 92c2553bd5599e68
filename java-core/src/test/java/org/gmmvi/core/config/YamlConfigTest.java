package org.gmmvi.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Safe YAML loading: plain data only, errors with line/column. */
class YamlConfigTest {

  @Test
  void loadsPlainData() {
    Map<String, Object> m = YamlConfig.load("a: 1\nb: [1.0e-6, 5000.]\nc: {d: true, e: null}\n");
    assertThat(m.get("a")).isEqualTo(1);
    assertThat(m.get("b")).isEqualTo(List.of(1.0e-6, 5000.0));
    assertThat(YamlConfig.load("")).isEmpty();
  }

  @Test
  void refusesJavaTypeTags() {
    assertThatThrownBy(() -> YamlConfig.load("x: !!java.io.File /etc/passwd\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused YAML tag 'tag:yaml.org,2002:java.io.File' at line 1");
    assertThatThrownBy(() -> YamlConfig.load(
        "a: 1\nb: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("refused YAML tag")
        .hasMessageContaining("line 2");
  }

  @Test
  void refusesCustomTags() {
    assertThatThrownBy(() -> YamlConfig.load("model: !gmm {k: 1}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("refused YAML tag '!gmm'");
    assertThatThrownBy(() -> YamlConfig.load("s: !!set {a, b}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("refused YAML tag");
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertThatThrownBy(() -> YamlConfig.load("a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("malformed YAML at line")
        .hasMessageMatching("(?s).*line \\d+, column \\d+.*");
    assertThatThrownBy(() -> YamlConfig.load("a: 1\n  b: 2\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> YamlConfig.load("a: 1\na: 2\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> YamlConfig.load("- 1\n- 2\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be a map");
  }

  @Test
  void dumpReloadsToAnEqualMap() {
    Map<String, Object> m = YamlConfig.load("a: 1.0e-12\nb: [1, 2.5]\nc: {d: null, e: x}\n");
    assertThat(YamlConfig.load(YamlConfig.dump(m))).isEqualTo(m);
  }
}
