package org.gmmvi.problems.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.SamplingTarget;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.gmm.GmmProblem;
import org.gmmvi.problems.gmm.GmmTarget;
import org.gmmvi.problems.stm.StmTarget;
import org.junit.jupiter.api.Test;

/** Exact sampling of the GMM and STM targets (PROBLEMS.md §4.5, §4.6). */
class MixtureSamplingTest {

  @Test
  void gmmSampleMeanAndSecondMomentMatchTheMixture() {
    GmmTarget t = ((GmmProblem) Problems.get("gmm20")).target(10000, TestData.dir());
    int d = 20;
    int n = 40000;
    double[] x = t.sample(new Rng(9), n);
    double[] w = t.weights();
    double[] mu = t.means();
    // Mixture mean and per-coordinate variance: E[x] = Σ w μ; Var = Σ w (Σ_jj + μ_j²) − E[x]².
    double[] covs = TestData.csv("targets/gmm20/seed10000/covs.csv").data();
    for (int j = 0; j < d; j++) {
      double mean = 0;
      double second = 0;
      for (int k = 0; k < 10; k++) {
        mean += w[k] * mu[k * d + j];
        second += w[k] * (covs[k * d * d + j * d + j] + mu[k * d + j] * mu[k * d + j]);
      }
      double var = second - mean * mean;
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += x[i * d + j];
      }
      assertThat(s / n).as("coordinate %d", j).isCloseTo(mean, within(4.5 * Math.sqrt(var / n)));
    }
  }

  @Test
  void stmSamplesHaveStudentTMarginalsInWhitenedCoordinates() {
    // One component, D = 2, nu = 2: z = Cᵀ(x − μ) has t_2 marginals, CDF F(t) = ½ + t/(2√(2+t²)).
    double[] prec = {4.0, 1.0, 1.0, 2.0};
    StmTarget t = StmTarget.of("t2", new double[] {1.0}, new double[] {3.0, -1.0}, prec, 2.0);
    int n = 40000;
    double[] x = t.sample(new Rng(4), n);
    double l00 = 2.0;
    double l10 = 0.5;
    double l11 = Math.sqrt(2.0 - 0.25);
    double[] probes = {-3, -1, -0.3, 0, 0.5, 2};
    for (int c = 0; c < 2; c++) {
      for (double probe : probes) {
        int below = 0;
        for (int i = 0; i < n; i++) {
          double d0 = x[2 * i] - 3.0;
          double d1 = x[2 * i + 1] + 1.0;
          double z = c == 0 ? l00 * d0 + l10 * d1 : l11 * d1; // z = Cᵀ d
          if (z <= probe) {
            below++;
          }
        }
        double cdf = 0.5 + probe / (2 * Math.sqrt(2 + probe * probe));
        double se = Math.sqrt(cdf * (1 - cdf) / n);
        assertThat((double) below / n).as("coordinate %d at %g", c, probe)
            .isCloseTo(cdf, within(4.5 * se));
      }
    }
  }

  @Test
  void sampledPointsAreWhereTheTargetHasMass() {
    SamplingTarget t = (SamplingTarget) Problems.get("stm20").create(10000, TestData.dir());
    int n = 200;
    double[] x = t.sample(new Rng(3), n);
    double[] f = new double[n];
    t.evaluate(x, n, f, null);
    double[] far = new double[n * 20];
    new Rng(4).fillGaussian(far, 0, far.length);
    double[] g = new double[n];
    for (int i = 0; i < far.length; i++) {
      far[i] *= 20;
    }
    t.evaluate(far, n, g, null);
    double meanSamples = java.util.Arrays.stream(f).average().orElseThrow();
    double meanFar = java.util.Arrays.stream(g).average().orElseThrow();
    assertThat(meanSamples).isGreaterThan(meanFar + 50);
  }
}
