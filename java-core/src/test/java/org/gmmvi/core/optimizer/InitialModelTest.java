package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gmmvi.core.config.GmmviConfig;
import org.gmmvi.core.config.ModelInitialization;
import org.gmmvi.core.config.YamlConfig;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

/** The initial model of ALGORITHM.md §1.5 and the bookkeeping defaults of §1.4. */
class InitialModelTest {

  static ModelInitialization init(String yaml) {
    return GmmviConfig.resolve("SEMTRON", List.of(YamlConfig.load(yaml))).modelInitialization();
  }

  @Test
  void singleComponentSitsAtThePriorMean() {
    GmmModel m = InitialModel.build(init("model_initialization: {num_initial_components: 1, "
        + "prior_mean: [1.0, -2.0], prior_scale: 3.0}"), 2, new Rng(1), KernelProvider.get());
    assertThat(m.mean(0)).containsExactly(1.0, -2.0);
    // initial_cov absent: diag(prior_scale²)
    assertThat(m.covariance(0)).containsExactly(9, 0, 0, 9);
  }

  @Test
  void severalComponentsAreDrawnWithTheRunsGenerator() {
    ModelInitialization mi = init("model_initialization: {num_initial_components: 3, "
        + "prior_mean: 1.0, prior_scale: [2.0, 0.5], initial_cov: [4.0, 0.25], "
        + "use_diagonal_covs: true}");
    GmmModel m = InitialModel.build(mi, 2, new Rng(7), KernelProvider.get());
    Rng r = new Rng(7);
    for (int o = 0; o < 3; o++) {
      assertThat(m.mean(o)[0]).isEqualTo(1.0 + 2.0 * r.nextGaussian());
      assertThat(m.mean(o)[1]).isEqualTo(1.0 + 0.5 * r.nextGaussian());
      assertThat(m.chol(o)).containsExactly(2.0, 0.5);
      assertThat(Math.exp(m.logWeight(o))).isCloseTo(1.0 / 3, within(1e-15));
    }
    assertThat(m.isDiagonal()).isTrue();
  }

  @Test
  void bookkeepingDefaults() {
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword("ZAMTRUX")
        .yaml(EndToEndTest.INIT_1 + "ng_estimator_config: {initial_l2_regularizer: 1.0e-9}\n"
            + "num_component_adapter_config: {del_iters: 7}\n")
        .target(TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV)).build()) {
      assertThat(opt.bookkeeping().historyLength()).isEqualTo(14);
      assertThat(opt.bookkeeping().l2reg(0)).isEqualTo(1e-9);
      assertThat(opt.bookkeeping().stepsize(0)).isEqualTo(1.0);
    }
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword("SEPIFUX")
        .yaml(EndToEndTest.INIT_1)
        .target(TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV)).build()) {
      assertThat(opt.bookkeeping().historyLength()).isEqualTo(2);
      assertThat(opt.bookkeeping().l2reg(0)).isEqualTo(1e-12);
      assertThat(opt.bookkeeping().stepsize(0)).isEqualTo(1e-5);
    }
  }
}
