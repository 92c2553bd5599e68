package org.gmmvi.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every effective experiment configuration of the paper (shared/data/configs/exp{1,3}_eval_configs.json,
 * reference keys, ALGORITHM.md §3.3/§3.4) resolves with its codeword. The data directory comes from
 * the system property {@code gmmvi.data.dir}; the test is skipped (with the path) when it is absent.
 */
class ExperimentConfigsTest {

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @ValueSource(strings = {"exp3_eval_configs.json", "exp1_eval_configs.json"})
  void everyPaperConfigParses(String file) throws IOException {
    Path p = Path.of(System.getProperty("gmmvi.data.dir", "../shared/data"), "configs", file);
    assumeTrue(Files.isRegularFile(p), "data file absent, skipping: " + p.toAbsolutePath());
    // JSON is YAML 1.2: the safe loader reads it.
    Map<String, Object> root = YamlConfig.load(Files.readString(p));
    Map<String, Object> runs = (Map<String, Object>) root.get("runs");
    int n = 0;
    for (Map.Entry<String, Object> problem : runs.entrySet()) {
      for (Map.Entry<String, Object> run : ((Map<String, Object>) problem.getValue()).entrySet()) {
        Map<String, Object> cfg = (Map<String, Object>) ((Map<String, Object>) run.getValue())
            .get("config");
        GmmviConfig c = GmmviConfig.resolve(run.getKey(), List.of(cfg));
        assertThat(c.codeword().toCodeword()).isEqualTo(run.getKey());
        // without the codeword, the types in the file define the same one
        assertThat(GmmviConfig.resolve((Codeword) null, List.of(cfg))).isEqualTo(c);
        assertThat(c.modelInitialization()).isNotNull();
        assertThat(c.experiment().seed()).isNotNull();
        assertThat(GmmviConfig.resolve((Codeword) null, List.of(YamlConfig.load(c.toYaml()))))
            .isEqualTo(c);
        n++;
      }
    }
    assertThat(n).isGreaterThan(5);
  }
}
