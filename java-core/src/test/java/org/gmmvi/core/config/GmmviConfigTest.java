package org.gmmvi.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config resolution, validation and round trips (ALGORITHM.md §3.2–§3.4, §6 items 13, 14, 19). */
class GmmviConfigTest {

  static final String INIT = "model_initialization: {num_initial_components: 1, prior_mean: 0.0,"
      + " prior_scale: 10.0, initial_cov: 100.0}\n";

  static ComponentAdaptationConfig.Adaptive adaptive(GmmviConfig c) {
    return (ComponentAdaptationConfig.Adaptive) c.componentAdaptation();
  }

  static StepsizeConfig.ImprovementBased improvement(StepsizeConfig c) {
    return (StepsizeConfig.ImprovementBased) c;
  }

  static GmmviConfig resolve(String cw, String yaml) {
    return GmmviConfig.resolve(cw, List.of(YamlConfig.load(yaml)));
  }

  @Test
  void moduleDefaultsOfSamtronSection33() {
    GmmviConfig c = resolve("SAMTRON", INIT);
    assertThat(c.ngEstimator().useSelfNormalizedImportanceWeights()).isTrue();
    assertThat(c.ngEstimator().onlyUseOwnSamples()).isFalse();
    assertThat(adaptive(c).delIters()).isEqualTo(100);
    assertThat(adaptive(c).addIters()).isEqualTo(30);
    assertThat(adaptive(c).thresholds()).containsExactly(5000, 1000, 500, 200, 100,
        50);
    assertThat(c.sampleSelector().desiredSamplesPerComponent()).isEqualTo(100);
    assertThat(c.sampleSelector().numReusePerComponent()).isEqualTo(200);
    assertThat(improvement(c.componentStepsize()).minStepsize()).isEqualTo(0.001);
    assertThat(improvement(c.weightStepsize()).minStepsize()).isEqualTo(1e-4);
    assertThat(c.temperature()).isEqualTo(1.0);
    assertThat(c.useSampleDatabase()).isTrue();
    assertThat(c.maxDatabaseSize()).isEqualTo(10_000_000L);
    GmmviConfig z = resolve("ZAMTRUX", INIT);
    assertThat(((NgEstimatorConfig.More) z.ngEstimator()).initialL2Regularizer())
        .isEqualTo(1e-12);
    assertThat(c.ngEstimator()).isInstanceOf(NgEstimatorConfig.Stein.class);
    GmmviConfig f = resolve("SEPIFUX", INIT);
    assertThat(f.componentStepsize()).isEqualTo(new StepsizeConfig.Fixed(1e-5));
    assertThat(f.componentAdaptation()).isInstanceOf(ComponentAdaptationConfig.Fixed.class);
    assertThat(f.sampleSelector().ratioReusedSamplesToDesired()).isZero();
  }

  @Test
  void deepMergeReplacesScalarsAndListsButMergesMaps() {
    GmmviConfig c = GmmviConfig.resolve("SAMTRON", List.of(YamlConfig.load(INIT),
        Map.of("num_component_adapter_config", Map.of("add_iters", 5,
            "thresholds_for_add_heuristic", List.of(1.0, 2.0))),
        Map.of("num_component_adapter_config", Map.of("del_iters", 10))));
    assertThat(adaptive(c).addIters()).isEqualTo(5);
    assertThat(adaptive(c).delIters()).isEqualTo(10);
    assertThat(adaptive(c).maxComponents()).isEqualTo(1000);
    assertThat(adaptive(c).thresholds()).containsExactly(1.0, 2.0);
  }

  @Test
  void referenceYamlKeysLoadUnchanged() {
    // The shipped SAMTRON example (breast cancer), with the reference's keys and type strings.
    String yaml = """
        ng_estimator_type: "Stein"
        ng_estimator_config: {only_use_own_samples: False, use_self_normalized_importance_weights: True}
        num_component_adapter_type: "adaptive"
        num_component_adapter_config:
          del_iters: 100
          add_iters: 25
          max_components: 1000
          thresholds_for_add_heuristic: [5000., 1000., 500., 200., 100., 50.]
          min_weight_for_del_heuristic: 1.0e-6
          num_database_samples: 100000
          num_prior_samples: 0
        sample_selector_type: "component-based"
        sample_selector_config: {desired_samples_per_component: 250, ratio_reused_samples_to_desired: 0.}
        ng_based_updater_type: "trust-region"
        ng_based_updater_config: {}
        component_stepsize_adapter_type: "improvement-based"
        component_stepsize_adapter_config: {initial_stepsize: 1., min_stepsize: 0.001, max_stepsize: 1.,
          stepsize_inc_factor: 1.15, stepsize_dec_factor: 0.85}
        weight_updater_type: "trust-region"
        weight_updater_config: {use_self_normalized_importance_weights: True}
        weight_stepsize_adapter_type: "improvement-based"
        weight_stepsize_adapter_config: {initial_stepsize: 1., min_stepsize: 0.0001, max_stepsize: 1.,
          stepsize_inc_factor: 1.15, stepsize_dec_factor: 0.85}
        use_sample_database: True
        max_database_size: 10000000
        temperature: 1.
        model_initialization: {use_diagonal_covs: False, num_initial_components: 1, prior_mean: 0.,
          prior_scale: 10., initial_cov: 100.}
        start_seed: 10000
        environment_name: breastCancer
        environment_config: {}
        gmmvi_runner_config: {log_metrics_interval: 50}
        """;
    GmmviConfig c = GmmviConfig.resolve((Codeword) null, List.of(YamlConfig.load(yaml)));
    assertThat(c.codeword().toCodeword()).isEqualTo("SAMTRON");
    assertThat(c.sampleSelector().desiredSamplesPerComponent()).isEqualTo(250);
    assertThat(c.experiment().seed()).isEqualTo(10000L);
    assertThat(c.experiment().logMetricsInterval()).isEqualTo(50L);
    assertThat(c.experiment().environmentName()).isEqualTo("breastCancer");
    assertThat(GmmviConfig.resolve("SAMTRON", List.of(YamlConfig.load(yaml)))).isEqualTo(c);
  }

  @Test
  void toYamlRoundTripsForEveryOption() {
    // every 7th codeword (62 of 432; 7 is coprime to the option counts 2 and 3, so every option of
    // every position occurs); parsing of all 432 is in CodewordTest
    java.util.List<Codeword> all = Codeword.all();
    for (int i = 0; i < all.size(); i += 7) {
      Codeword cw = all.get(i);
      String extra = cw.weightStepsize() == WeightStepsizeType.DECAYING
          ? "weight_stepsize_adapter_config: {annealing_exponent: 0.5}\n" : "";
      GmmviConfig c = GmmviConfig.resolve(cw, List.of(YamlConfig.load(INIT + extra
          + "max_database_size: null\nseed: 3\n")));
      GmmviConfig back = GmmviConfig.resolve((Codeword) null, List.of(YamlConfig.load(
          c.toYaml())));
      assertThat(back).as("%s", cw).isEqualTo(c);
      assertThat(back.fingerprint()).isEqualTo(c.fingerprint());
      assertThat(back.maxDatabaseSize()).isZero();
    }
  }

  @Test
  void unknownKeysAreErrorsWithTheClosestValidKey() {
    assertThatThrownBy(() -> resolve("SAMTRON", INIT + "temprature: 1.0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'temprature'")
        .hasMessageContaining("did you mean 'temperature'?");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "sample_selector_config: {desired_samples_per_componet: 3}\n"))
        .hasMessageContaining("unknown key 'sample_selector_config.desired_samples_per_componet'")
        .hasMessageContaining("did you mean 'desired_samples_per_component'?");
    // §6 item 19: step-size keys at the top level (the SAMYROX example) are not silently ignored
    assertThatThrownBy(() -> resolve("SAMYROX", INIT + "min_stepsize: 1.0e-4\n"))
        .hasMessageContaining("unknown key 'min_stepsize'");
    // a key of another option (min_stepsize belongs to R, not F)
    assertThatThrownBy(() -> resolve("SEPIFUX", INIT
        + "component_stepsize_adapter_config: {min_stepsize: 0.1}\n"))
        .hasMessageContaining("unknown key 'component_stepsize_adapter_config.min_stepsize'");
  }

  @Test
  void wrongTypesAndOutOfRangeValuesAreClearErrors() {
    assertThatThrownBy(() -> resolve("SAMTRON", INIT + "temperature: hot\n"))
        .hasMessageContaining("temperature must be a number").hasMessageContaining("'hot'");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "component_stepsize_adapter_config: {initial_stepsize: -0.1}\n"))
        .hasMessageContaining("component_stepsize_adapter_config.initial_stepsize must be >= 0")
        .hasMessageContaining("-0.1");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "sample_selector_config: {desired_samples_per_component: 0}\n"))
        .hasMessageContaining("desired_samples_per_component must be an integer >= 1");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "sample_selector_config: {desired_samples_per_component: 2.5}\n"))
        .hasMessageContaining("must be an integer");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "num_component_adapter_config: {max_components: 0}\n"))
        .hasMessageContaining("max_components must be an integer >= 1");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "num_component_adapter_config: {del_iters: 2}\n"))
        .hasMessageContaining("del_iters must be an integer >= 3");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT
        + "weight_stepsize_adapter_config: {min_stepsize: 2.0, max_stepsize: 1.0}\n"))
        .hasMessageContaining("max_stepsize (1.0) must be >= min_stepsize (2.0)");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT + "use_sample_database: 1\n"))
        .hasMessageContaining("use_sample_database must be true or false");
    assertThatThrownBy(() -> resolve("SAMTRON",
        "model_initialization: {num_initial_components: 0, prior_mean: 0}\n"))
        .hasMessageContaining("num_initial_components must be an integer >= 1");
    assertThatThrownBy(() -> resolve("SAMTRON",
        "model_initialization: {num_initial_components: 1, prior_mean: 0, prior_scale: -1}\n"))
        .hasMessageContaining("prior_scale must be > 0");
  }

  @Test
  void decayingWeightStepNeedsAnnealingExponentSection614() {
    assertThatThrownBy(() -> resolve("SAMTROG", INIT))
        .hasMessageContaining("weight_stepsize_adapter_config.annealing_exponent")
        .hasMessageContaining("§6 item 14");
    GmmviConfig c = resolve("SAMTROG", INIT
        + "weight_stepsize_adapter_config: {annealing_exponent: 0.6}\n");
    assertThat(c.weightStepsize()).isEqualTo(new StepsizeConfig.Decaying(1.0, 0.6));
  }

  @Test
  void explicitTypeKeysMustAgreeWithTheCodeword() {
    assertThat(resolve("SAMTRON", INIT + "ng_estimator_type: Stein\n").codeword())
        .hasToString("SAMTRON");
    assertThat(resolve("SAMTRON", INIT + "weight_stepsize_adapter_type: improvement-based\n")
        .codeword()).hasToString("SAMTRON");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT + "ng_estimator_type: MORE\n"))
        .hasMessageContaining("ng_estimator_type 'MORE' conflicts with codeword SAMTRON")
        .hasMessageContaining("S = \"Stein\"");
    assertThatThrownBy(() -> resolve("SAMTRON", INIT + "ng_based_updater_type: trustregion\n"))
        .hasMessageContaining("unknown ng_based_updater_type 'trustregion'")
        .hasMessageContaining("did you mean 'trust-region'?");
    assertThatThrownBy(() -> GmmviConfig.resolve((Codeword) null, List.of(YamlConfig.load(INIT))))
        .hasMessageContaining("no codeword given");
  }

  @Test
  void vectorValuedModelInitialization() {
    GmmviConfig c = resolve("SAMTRON", "model_initialization: {num_initial_components: 3, "
        + "prior_mean: 0.0, prior_scale: [1.0, 0.2], initial_cov: [0.0625, 0.0025]}\n");
    ModelInitialization mi = c.modelInitialization();
    mi.validate(2, true);
    assertThat(mi.initialVariance(2)).containsExactly(0.0625, 0.0025);
    assertThat(ModelInitialization.expand(mi.priorMean(), 2)).containsExactly(0.0, 0.0);
    assertThatThrownBy(() -> mi.validate(3, true))
        .hasMessageContaining("prior_scale has 2 entries, but the target has dimension 3");
  }
}
