package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.parallel.ParallelKernels;
import org.gmmvi.kernels.parallel.ParallelMixtureKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run's complete state does not depend on the number of threads: with {@code threads > 1} the
 * target evaluations, the mixture kernels (split by rows), the per-component NG estimates and the
 * component updates (trust region, iBLR, direct) run concurrently, and after several iterations
 * (with component additions and sample reuse) the saved state is byte-identical to the
 * single-threaded run's, for codewords that together use every option of every position. The
 * batches are big enough (K·N·D² well above {@link ParallelMixtureKernels#MIN_PARALLEL_FLOPS}) for
 * the kernels to split. The target here computes every row on its own; targets whose rows depend
 * on their block of rows are covered by {@code TargetEvaluatorThreadsTest} and, with the paper's
 * targets, by {@code ThreadCountDeterminismOnProblemsTest} in the problems module.
 */
class ThreadCountDeterminismTest {

  private static final int D = 24;

  /** A correlated Gaussian target, {@code log p(x) = −½ Σ_i (x_i − 0.3·x_{i−1} − 1)² / s_i²}. */
  private static Target target() {
    return TestTargets.of(D, true, (x, n, lp, gradOrNull) -> {
      double[] grad = gradOrNull != null ? gradOrNull : new double[n * D]; // MORE passes null
      for (int s = 0; s < n; s++) {
        double sum = 0;
        for (int i = 0; i < D; i++) {
          grad[s * D + i] = 0;
        }
        for (int i = 0; i < D; i++) {
          double prev = i > 0 ? x[s * D + i - 1] : 0;
          double si = 1.0 + 0.1 * i;
          double r = (x[s * D + i] - 0.3 * prev - 1) / (si * si);
          sum += r * (x[s * D + i] - 0.3 * prev - 1);
          grad[s * D + i] -= r;
          if (i > 0) {
            grad[s * D + i - 1] += 0.3 * r;
          }
        }
        lp[s] = -0.5 * sum;
      }
    });
  }

  private static final String YAML = """
      model_initialization: {num_initial_components: 6, prior_mean: 0.0, prior_scale: 2.0,
        initial_cov: 4.0}
      sample_selector_config: {desired_samples_per_component: %d,
        ratio_reused_samples_to_desired: 1.0}
      """;

  /** Component additions every 3 iterations, deletions from iteration 6 (adaptive codewords). */
  private static final String ADAPTIVE = """
      num_component_adapter_config: {add_iters: 3, del_iters: 5}
      """;

  /** The decaying weight step size (G) has no default exponent. */
  private static final String DECAYING_WEIGHTS = """
      weight_stepsize_adapter_config: {annealing_exponent: 0.5}
      """;

  private static byte[] run(String codeword, int threads) {
    boolean adaptive = codeword.charAt(1) == 'A';
    // MORE fits P = 325 features per component: fewer samples keep the test fast
    String yaml = YAML.formatted(codeword.startsWith("Z") ? 100 : 300) + (adaptive ? ADAPTIVE : "")
        + (codeword.endsWith("G") ? DECAYING_WEIGHTS : "");
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword(codeword).yaml(yaml)
        .target(target()).seed(3).threads(threads).build()) {
      if (threads > 1) {
        assertThat(opt.model().kernels()).isInstanceOf(ParallelKernels.class);
      }
      for (int i = 0; i < 7; i++) {
        opt.step();
      }
      if (adaptive) {
        assertThat(opt.model().numComponents()).isGreaterThan(6);
      }
      return opt.saveState().toBytes();
    }
  }

  @Test
  void samtronStateIsIdenticalForOneTwoAndThreeThreads() {
    byte[] one = run("SAMTRON", 1);
    assertThat(run("SAMTRON", 2)).isEqualTo(one);
    assertThat(run("SAMTRON", 3)).isEqualTo(one);
  }

  @Test
  void iblrAndDirectUpdatesAreIdenticalForOneAndTwoThreads() {
    assertThat(run("SAMYRON", 2)).isEqualTo(run("SAMYRON", 1));
    assertThat(run("SAMIRON", 2)).isEqualTo(run("SAMIRON", 1));
  }

  /**
   * With SAMTRON, SAMYRON and SAMIRON above, every option of every position (issue 15): MORE,
   * the fixed number of components, mixture-based selection, the fixed and decaying component
   * step sizes, the direct weight update and the fixed and decaying weight step sizes. The
   * problem-level variant (ZAMTRUX, SEPYFUX, SAMYRON, ZEPIDOG and SAMTRON with the tuned configs of
   * gmm20 and breast_cancer) is {@code ThreadCountDeterminismOnProblemsTest} in the problems module.
   */
  @ParameterizedTest
  @ValueSource(strings = {"SEPYFUX", "ZEPIDOG"})
  void everyOtherOptionIsIdenticalForOneTwoAndThreeThreads(String codeword) {
    byte[] one = run(codeword, 1);
    assertThat(run(codeword, 2)).as("2 threads").isEqualTo(one);
    assertThat(run(codeword, 3)).as("3 threads").isEqualTo(one);
  }
}
