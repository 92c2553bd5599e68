package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;
import org.junit.jupiter.api.Test;

/**
 * End-to-end with component adaptation (ALGORITHM.md §5.6 item 23, multimodal part): SAMTRON with
 * adaptive components fits a normalised 2-D mixture of four well-separated Gaussians ({@code log Z =
 * 0}, so {@code −ELBO = KL(q‖p) ≥ 0}) starting from one broad component, and finds every mode.
 */
class MultiModalTest {

  /** Weights 0.1..0.4, means at (±6, ±6), differently shaped covariances. */
  static GmmModel fourModes() {
    return GmmModel.fromCovariances(new double[] {0.1, 0.2, 0.3, 0.4},
        new double[] {-6, -6, -6, 6, 6, -6, 6, 6},
        new double[] {1, 0.3, 0.3, 0.5, 0.6, 0, 0, 0.6, 0.8, -0.2, -0.2, 0.4, 1.2, 0.4, 0.4, 0.9},
        2);
  }

  /** Settings: add a component every 4 iterations, deletion window 12, 100 samples per component. */
  static final String YAML = """
      model_initialization: {num_initial_components: 1, prior_mean: 0.0, prior_scale: 6.0,
        initial_cov: 36.0}
      num_component_adapter_config: {add_iters: 4, del_iters: 12}
      sample_selector_config: {desired_samples_per_component: 100, ratio_reused_samples_to_desired: 1.0}
      """;

  @Test
  void samtronFindsAllFourModes() {
    GmmModel truth = fourModes();
    Target t = TestTargets.mixture(truth);
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword("SAMTRON").yaml(YAML).target(t)
        .seed(11).threads(1).build()) {
      double negElbo;
      for (int i = 0; i < 40; i++) {
        IterationRecord r = opt.step();
        if (r.iteration() % 20 == 0) {
          System.out.printf("it %d K=%d evals=%d -elbo=%.5f%n", r.iteration(),
              r.numComponents(), r.targetEvaluations(),
              ElboEstimator.estimate(opt.model(), t, 2000, new Rng(99)).negElbo());

        }
      }
      negElbo = ElboEstimator.estimate(opt.model(), t, 2000, new Rng(7)).negElbo();
      assertThat(negElbo).isLessThan(0.02);
      // every mode has a component with substantial weight within 1 of its mean
      GmmModel q = opt.model();
      for (int mode = 0; mode < 4; mode++) {
        double[] mu = truth.mean(mode);
        double w = 0;
        for (int o = 0; o < q.numComponents(); o++) {
          double[] m = q.mean(o);
          if (Math.hypot(m[0] - mu[0], m[1] - mu[1]) < 1) {
            w += Math.exp(q.logWeight(o));
          }
        }
        assertThat(w).as("weight near mode %d", mode).isGreaterThan(0.5 * truth.weights()[mode]);
      }
    }
  }
}
