package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.target.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numerical robustness (docs/RELIABILITY.md §4): extreme but valid Gaussian targets — very peaked
 * (σ = 1e-3), very flat (σ = 1e3), 1e6 away from the initial mean, and badly scaled dimensions
 * (σ = 1e-4 vs 1e4). After every iteration the model must satisfy the invariants of a GMM: every
 * Cholesky diagonal positive and finite, every factor entry and mean finite, weights finite and
 * summing to 1. Updates that cannot be made are reported as failed component updates
 * ({@link IterationRecord#failedComponentUpdates()}), never as a broken model.
 */
class NumericalRobustnessTest {

  private static final String INIT = "model_initialization: {num_initial_components: 1,"
      + " prior_mean: 0.0, prior_scale: 1.0, initial_cov: 1.0}\n";

  /** Checks the GMM invariants of {@code q}. */
  static void assertValidModel(GmmModel q, int iteration) {
    int k = q.numComponents();
    int d = q.dimension();
    assertThat(k).isPositive();
    double[] w = q.weights();
    double sum = 0;
    for (double v : w) {
      assertThat(Double.isFinite(v) && v >= 0).as("weight %s at iteration %d", v, iteration)
          .isTrue();
      sum += v;
    }
    assertThat(sum).as("weight sum at iteration %d", iteration).isCloseTo(1.0,
        org.assertj.core.data.Offset.offset(1e-9));
    for (double v : q.meansArray()) {
      assertThat(Double.isFinite(v)).as("mean entry at iteration %d", iteration).isTrue();
    }
    double[] l = q.cholsArray();
    for (int o = 0; o < k; o++) {
      for (int i = 0; i < d; i++) {
        double diag = q.isDiagonal() ? l[o * d + i] : l[o * d * d + i * d + i];
        assertThat(diag > 0 && Double.isFinite(diag))
            .as("Cholesky diagonal %d of component %d = %s at iteration %d", i, o, diag, iteration)
            .isTrue();
      }
    }
    for (int i = 0; i < k * (q.isDiagonal() ? d : d * d); i++) {
      assertThat(Double.isFinite(l[i])).as("Cholesky entry at iteration %d", iteration).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "SAMTRON, peaked,  1, -1,   1e-3, 1e-3",
      "SAMTRON, flat,    1, -1,   1e3,  1e3",
      "SAMTRON, far,     1e6, -1e6, 1,  1",
      "SAMTRON, scaled,  1, -1,   1e-4, 1e4",
      "SEPYFUX, peaked,  1, -1,   1e-3, 1e-3",
      "SEPYFUX, flat,    1, -1,   1e3,  1e3",
      "SEPYFUX, far,     1e6, -1e6, 1,  1",
      "SEPYFUX, scaled,  1, -1,   1e-4, 1e4",
      "ZAMTRUX, peaked,  1, -1,   1e-3, 1e-3",
      "ZAMTRUX, far,     1e6, -1e6, 1,  1",
      "ZAMTRUX, scaled,  1, -1,   1e-4, 1e4"})
  void invariantsHoldEveryIteration(String codeword, String name, double m0, double m1, double s0,
      double s1) {
    Target t = TestTargets.gaussian2d(new double[] {m0, m1}, new double[] {s0 * s0, 0, 0, s1 * s1});
    int iterations = 60;
    int failed = 0;
    int allFailed = 0;
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword(codeword).yaml(INIT).target(t)
        .seed(5).threads(1).build()) {
      assertValidModel(opt.model(), 0);
      for (int i = 1; i <= iterations; i++) {
        IterationRecord r = opt.step();
        assertValidModel(opt.model(), i);
        failed += r.failedComponentUpdates();
        if (r.failedComponentUpdates() == r.numComponents()) {
          allFailed++;
        }
      }
      GmmModel q = opt.model();
      double[] mean = new double[2];
      double[] w = q.weights();
      for (int o = 0; o < q.numComponents(); o++) {
        mean[0] += w[o] * q.mean(o)[0];
        mean[1] += w[o] * q.mean(o)[1];
      }
      // diagnostics for docs/RELIABILITY.md: how far the optimizer got within the budget
      System.out.printf(Locale.ROOT, "robustness %s %s: K=%d mean=(%.4g, %.4g) target=(%.4g, %.4g)"
          + " failed updates=%d, iterations with every update failed=%d, evals=%d%n", codeword,
          name, q.numComponents(), mean[0], mean[1], m0, m1, failed, allFailed,
          opt.numTargetEvaluations());
    }
  }
}
