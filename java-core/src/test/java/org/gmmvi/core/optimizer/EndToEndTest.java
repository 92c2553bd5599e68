package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.model.GmmModel;
import org.junit.jupiter.api.Test;

/** End-to-end recovery (ALGORITHM.md §5.6 item 23). */
class EndToEndTest {

  static final String INIT_1 = "model_initialization: {num_initial_components: 1, prior_mean: 0.0,"
      + " prior_scale: 3.1623, initial_cov: 10.0}\n";

  static GmmModel run(String cw, String yaml, int iters, long seed) {
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword(cw).yaml(INIT_1 + yaml)
        .target(TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV)).seed(seed).threads(1)
        .build()) {
      for (int i = 0; i < iters; i++) {
        opt.step();
      }
      return opt.model().copy();
    }
  }

  static void assertRecovered(GmmModel q, double meanTol, double covRelTol) {
    double[] mean = new double[2];
    double[] cov = new double[4];
    double[] w = q.weights();
    for (int o = 0; o < q.numComponents(); o++) {
      double[] m = q.mean(o);
      mean[0] += w[o] * m[0];
      mean[1] += w[o] * m[1];
    }
    for (int o = 0; o < q.numComponents(); o++) {
      double[] m = q.mean(o);
      double[] c = q.covariance(o);
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 2; b++) {
          cov[a * 2 + b] += w[o] * (c[a * 2 + b] + (m[a] - mean[a]) * (m[b] - mean[b]));
        }
      }
    }
    System.out.println("mean " + java.util.Arrays.toString(mean) + " cov "
        + java.util.Arrays.toString(cov));
    assertThat(Math.abs(mean[0] - 1)).isLessThan(meanTol);
    assertThat(Math.abs(mean[1] + 1)).isLessThan(meanTol);
    for (int i = 0; i < 4; i++) {
      assertThat(Math.abs(cov[i] - TestTargets.COV[i])).as("cov[%d]", i)
          .isLessThan(covRelTol * 2.0);
    }
  }

  /**
   * SEMTRON trace of §5.6 item 23: cold start at η = e^5 with ε = 0.85, then ε = 0.9775 and 1.0; at
   * the optimum the selector draws exactly one new sample (200 reused, N = 201) and the stored
   * reward (the ELBO, log Z = 0) is ≈ 0.
   */
  @Test
  void semtronTraceAndRecovery() {
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword("SEMTRON").yaml(INIT_1)
        .target(TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV)).seed(1).threads(1)
        .build()) {
      double[] eps = new double[3];
      IterationRecord r = null;
      for (int i = 0; i < 50; i++) {
        r = opt.step();
        if (i < 3) {
          eps[i] = r.componentStepsizes()[0];
        }
        if (i == 0) {
          assertThat(opt.bookkeeping().lastEta(0)).isEqualTo(Math.exp(5));
          assertThat(r.numNewSamples()).isEqualTo(100);
        }
      }
      assertThat(eps).containsExactly(new double[] {0.85, 0.9775, 1.0},
          org.assertj.core.api.Assertions.within(1e-12));
      assertThat(r.numNewSamples()).isEqualTo(1);
      assertThat(r.numSamplesUsed()).isEqualTo(201);
      assertThat(Math.abs(opt.bookkeeping().lastReward(0))).isLessThan(1e-4);
      assertRecovered(opt.model(), 0.01, 0.01);
    }
  }

  @Test
  void samtron() {
    assertRecovered(run("SAMTRON", "", 50, 2), 0.01, 0.01);
  }

  @Test
  void zamtrux() {
    assertRecovered(run("ZAMTRUX", "", 50, 3), 0.01, 0.01);
  }

  @Test
  void sepifux() {
    assertRecovered(run("SEPIFUX", "component_stepsize_adapter_config: {initial_stepsize: 0.3}\n",
        80, 4), 0.01, 0.01);
  }

  @Test
  void sepyfux() {
    assertRecovered(run("SEPYFUX", "component_stepsize_adapter_config: {initial_stepsize: 0.1}\n"
        + "weight_stepsize_adapter_config: {initial_stepsize: 1.0e-4}\n", 150, 5), 0.01, 0.01);
  }

  /** The resolved config reloads through the builder without a codeword (§3.2 round trip). */
  @Test
  void resolvedConfigReloadsThroughTheBuilder() {
    org.gmmvi.core.target.Target t = TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV);
    try (GmmviOptimizer a = GmmviOptimizer.builder().codeword("ZAMTRUX").yaml(INIT_1)
        .yaml("sample_selector_config: {desired_samples_per_component: 50}\nseed: 42").target(t)
        .threads(1).build();
        GmmviOptimizer b = GmmviOptimizer.builder().yaml(a.config().toYaml()).target(t)
            .threads(1).build()) {
      assertThat(b.config()).isEqualTo(a.config());
      assertThat(b.config().codeword().toCodeword()).isEqualTo("ZAMTRUX");
      assertThat(b.seed()).isEqualTo(42L);
      a.step();
      b.step();
      assertThat(b.model().mean(0)).containsExactly(a.model().mean(0));
    }
  }
}
