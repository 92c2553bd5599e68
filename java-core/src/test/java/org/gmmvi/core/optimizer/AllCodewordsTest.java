package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.core.config.Codeword;
import org.gmmvi.core.config.ConfigException;
import org.gmmvi.core.config.NgEstimatorType;
import org.junit.jupiter.api.Test;

/**
 * Every one of the 432 codewords builds and runs with full covariances, and every codeword with the
 * Stein estimator also with diagonal covariances (MORE rejects diagonal ones, §6 item 15). Small
 * budgets: a few iterations of 20 samples per component, adaptation every 2 iterations.
 */
class AllCodewordsTest {

  static final String YAML = """
      model_initialization: {num_initial_components: 2, prior_mean: 0.0, prior_scale: 2.0,
        initial_cov: 4.0, use_diagonal_covs: DIAG}
      sample_selector_config: {desired_samples_per_component: 20}
      """;

  static String extra(Codeword cw) {
    StringBuilder sb = new StringBuilder();
    if (cw.componentAdaptation().letter() == 'A') {
      sb.append("num_component_adapter_config: {del_iters: 3, add_iters: 2}\n");
    }
    if (cw.weightStepsize().letter() == 'G') {
      sb.append("weight_stepsize_adapter_config: {annealing_exponent: 0.5}\n");
    }
    if (cw.componentUpdater().letter() != 'T') {
      sb.append("component_stepsize_adapter_config: {initial_stepsize: 0.1}\n");
    }
    return sb.toString();
  }

  @Test
  void everyCodewordRunsWithFullAndDiagonalCovariances() {
    int runs = 0;
    for (Codeword cw : Codeword.all()) {
      for (boolean diag : new boolean[] {false, true}) {
        String yaml = YAML.replace("DIAG", Boolean.toString(diag)) + extra(cw);
        GmmviOptimizer.Builder b = GmmviOptimizer.builder().codeword(cw).yaml(yaml)
            .target(TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV)).seed(runs)
            .threads(1);
        if (diag && cw.ngEstimator() == NgEstimatorType.MORE) {
          assertThatThrownBy(b::build).isInstanceOf(ConfigException.class)
              .hasMessageContaining("supports only full covariances");
          continue;
        }
        try (GmmviOptimizer opt = b.build()) {
          for (int i = 0; i < 5; i++) {
            IterationRecord r = opt.step();
            assertThat(r.numComponents()).isEqualTo(opt.model().numComponents());
          }
          assertThat(opt.model().isDiagonal()).isEqualTo(diag);
          for (int o = 0; o < opt.model().numComponents(); o++) {
            for (double v : opt.model().mean(o)) {
              assertThat(v).as("%s diag=%s", cw, diag).isFinite();
            }
          }
          runs++;
        }
      }
    }
    assertThat(runs).isEqualTo(432 + 216);
  }
}
