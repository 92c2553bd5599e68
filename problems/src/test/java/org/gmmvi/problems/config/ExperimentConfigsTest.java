package org.gmmvi.problems.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.io.DataDirectory;
import org.junit.jupiter.api.Test;

/** Experiment-3 configurations by registry name and codeword (PROBLEMS.md §6.3). */
class ExperimentConfigsTest {

  @Test
  @SuppressWarnings("unchecked")
  void returnsTheMergedConfigWithTheReferenceKeys() {
    DataDirectory data = TestData.dir();
    Map<String, Object> c = ExperimentConfigs.config(Problems.get("breast_cancer"), "SAMTRON",
        data);
    assertThat(c.get("ng_estimator_type")).isEqualTo("Stein");
    assertThat(((Map<String, Object>) c.get("sample_selector_config"))
        .get("desired_samples_per_component")).isEqualTo(250);
    assertThat(((Map<String, Object>) c.get("component_stepsize_adapter_config"))
        .get("initial_stepsize")).isEqualTo(0.01);
    assertThat(((Map<String, Object>) c.get("gmmvi_runner_config")).get("log_metrics_interval"))
        .isEqualTo(50);
    // §6.3 table rows: GC_mb via german_credit_mb, Planar4 via planar_robot_4.
    Map<String, Object> stm = ExperimentConfigs.config(Problems.get("stm20"), "sepyfux", data);
    assertThat(((Map<String, Object>) stm.get("model_initialization"))
        .get("num_initial_components")).isEqualTo(25);
    Map<String, Object> planar = ExperimentConfigs.config(Problems.get("planar_robot_4"),
        "SAMTRON", data);
    assertThat(((Map<String, Object>) planar.get("weight_stepsize_adapter_config"))
        .get("initial_stepsize")).isEqualTo(5.0);
    var run = ExperimentConfigs.evaluationRun(Problems.get("gmm20"), "ZAMTRUX", data)
        .orElseThrow();
    assertThat(run.maxIterations()).isEqualTo(100_000L);
    assertThat(run.repetitions()).isEqualTo(10);
  }

  @Test
  void normalisesTheOneElementDatabaseSizeList() {
    Map<String, Object> c = ExperimentConfigs.config(Problems.get("gmm100"), "SAMTROX",
        TestData.dir());
    assertThat(((Number) c.get("max_database_size")).longValue()).isEqualTo(2_000_000L);
  }

  @Test
  void fallsBackToTheProblemDefaultsForOtherCodewordsAndProblems() {
    DataDirectory data = TestData.dir();
    Problem gmm20 = Problems.get("gmm20");
    assertThat(ExperimentConfigs.config(gmm20, "SEPIFUX", data))
        .isEqualTo(gmm20.defaultExperimentConfig());
    Problem p1 = Problems.get("planar_robot_1");
    assertThat(ExperimentConfigs.config(p1, "SAMTRON", data))
        .isEqualTo(p1.defaultExperimentConfig());
    assertThat(ExperimentConfigs.codewords(p1, data)).isEmpty();
    assertThat(ExperimentConfigs.codewords(gmm20, data)).hasSize(9);
    assertThatThrownBy(() -> ExperimentConfigs.config(gmm20, "SAM", data))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seven letters");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyReferenceProblemMapsToARegisteredNameAndAgreesWithItsDefaults() {
    JsonNode runs = TestData.json(ExperimentConfigs.FILE).get("runs");
    List<String> external = List.of("WINE", "TALOS");
    runs.fieldNames().forEachRemaining(id -> {
      if (external.contains(id) && !Problems.contains(id.toLowerCase())) {
        return;
      }
      Problem p = Problems.all().stream()
          .filter(q -> q.referenceId().orElse("").equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("no registered problem for " + id));
      Map<String, Object> ref = ExperimentConfigs.config(p, "SAMTRON", TestData.dir());
      Map<String, Object> def = p.defaultExperimentConfig();
      assertThat(ref.get("environment_name")).as(id).isEqualTo(def.get("environment_name"));
      assertThat(ref.get("environment_config")).as(id).isEqualTo(def.get("environment_config"));
      Map<String, Object> refInit = (Map<String, Object>) ref.get("model_initialization");
      Map<String, Object> defInit = (Map<String, Object>) def.get("model_initialization");
      assertThat(refInit.get("prior_scale")).as(id).isEqualTo(defInit.get("prior_scale"));
      assertThat(refInit.get("initial_cov")).as(id).isEqualTo(defInit.get("initial_cov"));
    });
  }
}
