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
        IterationRecord r = opt.step();
        if (i < 3 || i % 10 == 9) {
          System.out.printf("%s it %d K=%d step=%s w=%.4g new=%d used=%d mean=%s%n", cw,
              r.iteration(), r.numComponents(), java.util.Arrays.toString(r.componentStepsizes()),
              r.weightStepsize(), r.numNewSamples(), r.numSamplesUsed(),
              java.util.Arrays.toString(opt.model().mean(0)));
        }
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

  @Test
  void semtron() {
    assertRecovered(run("SEMTRON", "", 50, 1), 0.01, 0.01);
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
