package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.gmmvi.core.config.ConfigException;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.target.Target;
import org.junit.jupiter.api.Test;

/** Bad input: invalid target values (the bad-sample policy), failing targets, mismatches. */
class BadInputTest {

  static final String INIT = EndToEndTest.INIT_1;
  static final Target GAUSS = TestTargets.gaussian2d(TestTargets.MEAN, TestTargets.COV);

  /** Wraps a target and spoils the values of samples with {@code x0 > cut}. */
  static Target spoiled(double cut, boolean gradientOnly) {
    return TestTargets.of(2, false, (x, n, lp, grad) -> {
      GAUSS.evaluate(x, n, lp, grad);
      for (int i = 0; i < n; i++) {
        if (x[2 * i] > cut) {
          if (gradientOnly && grad != null) {
            grad[2 * i + 1] = Double.NaN;
          } else {
            lp[i] = i % 3 == 0 ? Double.NaN : i % 3 == 1 ? Double.POSITIVE_INFINITY
                : Double.NEGATIVE_INFINITY;
          }
        }
      }
    });
  }

  static GmmviOptimizer build(String cw, Target t) {
    return GmmviOptimizer.builder().codeword(cw).yaml(INIT).target(t).seed(1).threads(1).build();
  }

  @Test
  void invalidValuesAreDroppedAndCountedAndTheModelStaysFinite() {
    for (boolean gradientOnly : new boolean[] {false, true}) {
      try (GmmviOptimizer opt = build("SEMTRON", spoiled(3.0, gradientOnly))) {
        long dropped = 0;
        long evals = 0;
        for (int i = 0; i < 15; i++) {
          IterationRecord r = opt.step();
          dropped += r.droppedSamples();
          evals = r.targetEvaluations();
        }
        assertThat(dropped).isPositive();
        assertThat(opt.totalDroppedSamples()).isEqualTo(dropped);
        // stored samples never carry invalid values; dropped ones still count as evaluations
        assertThat(evals).isEqualTo(opt.database().numSamplesWritten());
        double[] lp = opt.database().snapshot().logP();
        for (double v : lp) {
          assertThat(v).isFinite();
        }
        for (double v : opt.model().meansArray()) {
          assertThat(v).isFinite();
        }
        assertThat(opt.model().logWeight(0)).isZero();
      }
    }
  }

  @Test
  void allSamplesInvalidIsAClearError() {
    try (GmmviOptimizer opt = build("SEMTRON", spoiled(-1e300, false))) {
      assertThatThrownBy(opt::step).isInstanceOf(TargetEvaluationException.class)
          .hasMessageContaining("iteration 1: all 100 new samples are invalid")
          .hasMessageContaining("gave log-density NaN");
    }
  }

  @Test
  void aThrowingTargetIsReportedWithTheIteration() {
    int[] calls = {0};
    Target t = TestTargets.of(2, false, (x, n, lp, grad) -> {
      if (++calls[0] == 3) {
        throw new IllegalStateException("simulator crashed");
      }
      GAUSS.evaluate(x, n, lp, grad);
    });
    try (GmmviOptimizer opt = build("SEMTRON", t)) {
      opt.step();
      opt.step();
      assertThatThrownBy(opt::step).isInstanceOf(TargetEvaluationException.class)
          .hasMessageContaining("iteration 3").hasMessageContaining("simulator crashed")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aGradientOfTheWrongShapeIsDetected() {
    Target t = TestTargets.of(2, false, (x, n, lp, grad) -> {
      double[] g = new double[2 * n];
      GAUSS.evaluate(x, n, lp, g);
      if (grad != null) {
        System.arraycopy(g, 0, grad, 0, n);   // writes only n of n x D entries
      }
    });
    try (GmmviOptimizer opt = build("SEMTRON", t)) {
      assertThatThrownBy(opt::step).isInstanceOf(TargetEvaluationException.class)
          .hasMessageContaining("did not write gradient entry")
          .hasMessageContaining("n x D = 100 x 2");
    }
  }

  @Test
  void moreNeedsNoGradientsAndStoresZeros() {
    Target t = TestTargets.of(2, false, (x, n, lp, grad) -> {
      assertThat(grad).isNull();
      GAUSS.evaluate(x, n, lp, null);
    });
    try (GmmviOptimizer opt = build("ZEMTRUX", t)) {
      opt.step();
      assertThat(opt.database().newest(5).gradLogP()).containsOnly(0.0);
    }
  }

  @Test
  void dimensionMismatchesAreReported() {
    GmmModel m3 = GmmModel.full(new double[] {0}, new double[3],
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3);
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SEMTRON").target(GAUSS)
        .initialModel(m3).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial model has dimension 3")
        .hasMessageContaining("has dimension 2");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SEMTRON").target(GAUSS)
        .yaml("model_initialization: {num_initial_components: 1, prior_mean: [0, 0, 0], "
            + "prior_scale: 1, initial_cov: 1}").build()).isInstanceOf(ConfigException.class)
        .hasMessageContaining("prior_mean has 3 entries, but the target has dimension 2");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SEMTRON").build())
        .hasMessageContaining("a target is required");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SEMTRON").target(GAUSS).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("model_initialization is required");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SAMTRO").target(GAUSS))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void unsupportedCombinationsAreRejectedEarly() {
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("ZEMTRUX").target(GAUSS)
        .yaml(INIT.replace("initial_cov: 10.0}", "initial_cov: 10.0, use_diagonal_covs: true}"))
        .build()).isInstanceOf(ConfigException.class)
        .hasMessageContaining("MORE estimator (Z, codeword ZEMTRUX) supports only full");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SAMTRON").target(GAUSS)
        .yaml("model_initialization: {num_initial_components: 1, prior_mean: 0, prior_scale: 1}\n"
            + "num_component_adapter_config: {num_prior_samples: 10}").build())
        .isInstanceOf(ConfigException.class).hasMessageContaining("needs a prior");
  }

  @Test
  void parallelEvaluationGivesTheSameRun() {
    double[][] results = new double[2][];
    int[] threads = {1, 3};
    for (int r = 0; r < 2; r++) {
      try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword("SAMTRON").yaml(INIT)
          .target(GAUSS).seed(8).threads(threads[r]).build()) {
        for (int i = 0; i < 8; i++) {
          opt.step();
        }
        results[r] = Arrays.copyOf(opt.model().meansArray(), 2 * opt.model().numComponents());
      }
    }
    assertThat(results[1]).containsExactly(results[0]);
  }
}
