package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gmmvi.cli.CliTestSupport;
import org.gmmvi.core.config.YamlConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12.2: {@code --config} reads the reference's YAML spelling ({@code True}, {@code 5000.},
 * {@code 1e-3}) exactly as the core's {@code builder().yaml()} does: one loader for every entry
 * point.
 */
class ConfigFilesTest {

  /** A config in the reference's spelling (the Python runner's YAML files). */
  static final String REFERENCE_STYLE = """
      use_sample_database: True
      max_database_size: 5000.
      gmmvi_runner_config:
        log_metrics_interval: 5
      sample_selector_config:
        desired_samples_per_component: 40
        ratio_reused_samples_to_desired: 2.
      component_stepsize_adapter_config:
        initial_stepsize: 1e-3
        min_stepsize: 1e-5
      weight_updater_config:
        use_self_normalized_importance_weights: False
      """;

  @TempDir
  Path dir;

  @Test
  void readsTheReferenceSpellingLikeTheCore() throws IOException {
    Path f = dir.resolve("ref.yml");
    Files.writeString(f, REFERENCE_STYLE);
    Map<String, Object> m = ConfigFiles.readYaml(f);
    assertThat(m).isEqualTo(YamlConfig.load(REFERENCE_STYLE));
    assertThat(m.get("use_sample_database")).isEqualTo(Boolean.TRUE);
    assertThat(m.get("max_database_size")).isEqualTo(5000.0);
    assertThat(((Map<?, ?>) m.get("component_stepsize_adapter_config")).get("initial_stepsize"))
        .isEqualTo(1e-3);
    assertThat(((Map<?, ?>) m.get("weight_updater_config"))
        .get("use_self_normalized_importance_weights")).isEqualTo(Boolean.FALSE);
  }

  @Test
  void aRunAcceptsTheReferenceSpelling() throws IOException {
    Path f = dir.resolve("ref.yml");
    Files.writeString(f, REFERENCE_STYLE);
    Path out = dir.resolve("run");
    CliTestSupport.Result r = CliTestSupport.run("run", "--target-class",
        "org.gmmvi.cli.testing.GaussianTestTarget", "--algorithm", "SAMTRON", "--config",
        f.toString(), "--max-iterations", "6", "--threads", "1", "--final-samples", "0",
        "--out", out.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Object> resolved = YamlConfig.load(Files.readString(out.resolve("config.yml")));
    assertThat(resolved).containsEntry("use_sample_database", true)
        .containsEntry("max_database_size", 5000);
    assertThat((Map<String, Object>) resolved.get("component_stepsize_adapter_config"))
        .containsEntry("initial_stepsize", 1e-3).containsEntry("min_stepsize", 1e-5);
    assertThat((Map<String, Object>) resolved.get("weight_updater_config"))
        .containsEntry("use_self_normalized_importance_weights", false);
  }
}
