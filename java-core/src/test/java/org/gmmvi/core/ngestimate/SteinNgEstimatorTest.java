package org.gmmvi.core.ngestimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;
import static org.gmmvi.core.testutil.SpecFixtures.slice;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.core.testutil.SpecFixtures;
import org.junit.jupiter.api.Test;

class SteinNgEstimatorTest {

  /** §5.1 item 3: Stein is exact for a quadratic log-ratio on the four sigma points. */
  @Test
  void item3SigmaPointsGiveExactNaturalGradient() {
    GmmModel q = SpecFixtures.single(new double[] {0.5, -0.5}, new double[] {1, 0.3, 0.3, 0.5});
    double[] x = {1.9142135624, -0.0757359313, -0.9142135624, -0.9242640687, 0.5, 0.4055385138,
        0.5, -1.4055385138};
    // exact sigma points from the factor (the printed ones have 10 decimals)
    double[] l = q.chol(0);
    double s2 = Math.sqrt(2);
    for (int i = 0; i < 2; i++) {
      for (int sgn = 0; sgn < 2; sgn++) {
        int row = 2 * i + sgn;
        double f = (sgn == 0 ? 1 : -1) * s2;
        x[2 * row] = 0.5 + f * l[i];
        x[2 * row + 1] = -0.5 + f * l[2 + i];
      }
    }
    double[] grad = new double[8];
    double[] lp = SpecFixtures.gaussianTargetLogP(x, 4, grad);
    SampleBatch b = new SampleBatch(4, 2, x, new int[4], q.logDensity(x, 4), lp, grad);
    NgEstimate e = new SteinNgEstimator().estimate(q, SpecFixtures.book(1, 1), b);
    assertClose(e.rneg(), new double[] {-0.6480836237, 0.4459930314, 0.4459930314,
        -1.2961672474}, 1e-8, "Rneg");
    assertClose(e.gneg(), new double[] {-0.4285714286, 0.7142857143}, 1e-8, "gneg");
  }

  /** §5.4 item 11, Stein with self-normalised weights. */
  @Test
  void item11SelfNormalized() {
    NgEstimate e = new SteinNgEstimator(false, true)
        .estimate(SpecFixtures.item11Model(), SpecFixtures.book(2, 1), SpecFixtures.item11Batch());
    assertClose(slice(e.rneg(), 0, 4), new double[] {0.74230135, 0.64247478, 0.64247478,
        -0.5522153}, 1e-7, "Rneg0");
    assertClose(slice(e.gneg(), 0, 2), new double[] {-0.99470267, -0.72544213}, 1e-7, "gneg0");
    assertClose(slice(e.rneg(), 4, 4), new double[] {0.10471299, -0.29377354, -0.29377354,
        -0.2689846}, 1e-7, "Rneg1");
    assertClose(slice(e.gneg(), 2, 2), new double[] {0.15184283, -0.27982333}, 1e-7, "gneg1");
  }

  /**
   * §5.4 item 11, standard importance weights: the oracle is the reference's unsymmetrised
   * orientation {@code Ĥ[a][b] = Σ w g_a d_b} (flag {@code symmetrizeStandardIw = false}); the default
   * (quirk §6.12 fixed) returns its symmetric part.
   */
  @Test
  void item11StandardImportanceWeights() {
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b = SpecFixtures.item11Batch();
    NgEstimate ref = new SteinNgEstimator(false, false, false).estimate(m, SpecFixtures.book(2, 1), b);
    double[] r0 = {0.82345772, 0.59607256, 0.82936152, -0.61258942};
    double[] r1 = {0.09326464, -0.07999918, -0.44331094, -0.23957631};
    assertClose(slice(ref.rneg(), 0, 4), r0, 1e-7, "Rneg0");
    assertClose(slice(ref.gneg(), 0, 2), new double[] {-1.10345427, -0.80475527}, 1e-7, "gneg0");
    assertClose(slice(ref.rneg(), 4, 4), r1, 1e-7, "Rneg1");
    assertClose(slice(ref.gneg(), 2, 2), new double[] {0.13524173, -0.24923003}, 1e-7, "gneg1");

    NgEstimate fixed = new SteinNgEstimator(false, false).estimate(m, SpecFixtures.book(2, 1), b);
    for (int o = 0; o < 2; o++) {
      double[] u = slice(ref.rneg(), 4 * o, 4);
      double off = 0.5 * (u[1] + u[2]);
      assertClose(slice(fixed.rneg(), 4 * o, 4), new double[] {u[0], off, off, u[3]}, 1e-12,
          "symmetrised Rneg" + o);
      assertClose(slice(fixed.gneg(), 2 * o, 2), slice(ref.gneg(), 2 * o, 2), 1e-12, "gneg" + o);
    }
  }

  /**
   * §2.1 only_use_own_samples: component o uses exactly the samples with {@code mrel = o}, with
   * uniform weights; checked against a direct evaluation of the Stein sums on those samples.
   */
  @Test
  void ownSamplesUseUniformWeightsOnTheComponentsSamples() {
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b = SpecFixtures.item11Batch();
    // database numbering: shift the mapping; the relative mapping must undo it
    int[] map = b.mapping().clone();
    for (int i = 0; i < map.length; i++) {
      map[i] += 7;
    }
    SampleBatch shifted = new SampleBatch(b.n(), b.d(), b.x(), map, b.logQbg(), b.logP(),
        b.gradLogP());
    for (boolean snis : new boolean[] {true, false}) {
      NgEstimate e = new SteinNgEstimator(true, snis).estimate(m, SpecFixtures.book(2, 1), shifted);
      double[] logq = new double[10];
      double[] score = new double[20];
      m.logDensityAndScore(b.x(), 10, logq, score);
      for (int o = 0; o < 2; o++) {
        double[] lam = m.precision(o);
        double[] mu = m.mean(o);
        double[] h = new double[4];
        double[] gs = new double[2];
        for (int s = 5 * o; s < 5 * o + 5; s++) {
          double[] g = {b.gradLogP()[2 * s] - score[2 * s], b.gradLogP()[2 * s + 1] - score[2 * s + 1]};
          double[] dv = SpecFixtures.mul(lam, new double[] {b.x()[2 * s] - mu[0],
              b.x()[2 * s + 1] - mu[1]}, 2);
          for (int a = 0; a < 2; a++) {
            gs[a] += g[a] / 5;
            for (int c = 0; c < 2; c++) {
              h[2 * a + c] += g[a] * dv[c] / 5;
            }
          }
        }
        double off = 0.5 * (h[1] + h[2]);
        assertClose(slice(e.rneg(), 4 * o, 4), new double[] {-h[0], -off, -off, -h[3]}, 1e-12,
            "Rneg" + o + " snis=" + snis);
        assertClose(slice(e.gneg(), 2 * o, 2), new double[] {-gs[0], -gs[1]}, 1e-12, "gneg" + o);
      }
    }
  }

  /**
   * Diagonal variant (§2.1.1, "Diagonal"): on a model with diagonal covariances, the diagonal
   * estimator's Ĥ equals the diagonal of the full estimator's Ĥ (symmetrisation does not change a
   * diagonal), and ĝ is identical.
   */
  @Test
  void diagonalEqualsDiagonalOfFullEstimate() {
    double[] means = {-1, 0, 1, 0.5};
    double[] stds = {1.0, 0.8, 0.7, 1.1};
    double[] logw = {Math.log(0.4), Math.log(0.6)};
    GmmModel diag = GmmModel.diagonal(logw, means, stds, 2);
    double[] chols = {1.0, 0, 0, 0.8, 0.7, 0, 0, 1.1};
    GmmModel full = GmmModel.full(logw, means, chols, 2);
    SampleBatch b = SpecFixtures.item11Batch();
    for (boolean snis : new boolean[] {true, false}) {
      NgEstimate ed = new SteinNgEstimator(false, snis).estimate(diag, SpecFixtures.book(2, 1), b);
      NgEstimate ef = new SteinNgEstimator(false, snis).estimate(full, SpecFixtures.book(2, 1), b);
      assertThat(ed.diagonal()).isTrue();
      for (int o = 0; o < 2; o++) {
        assertClose(slice(ed.rneg(), 2 * o, 2), new double[] {ef.rneg()[4 * o],
            ef.rneg()[4 * o + 3]}, 1e-12, "diag Rneg" + o);
        assertClose(slice(ed.gneg(), 2 * o, 2), slice(ef.gneg(), 2 * o, 2), 1e-12, "gneg" + o);
      }
    }
  }

  /** Repeated calls reuse the workspace and give identical results (also after a larger batch). */
  @Test
  void workspaceReuseIsDeterministic() {
    SteinNgEstimator est = new SteinNgEstimator();
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b = SpecFixtures.item11Batch();
    NgEstimate first = est.estimate(m, SpecFixtures.book(2, 1), b);
    SampleBatch small = new SampleBatch(3, 2, slice(b.x(), 0, 6), new int[3],
        slice(b.logQbg(), 0, 3), slice(b.logP(), 0, 3), slice(b.gradLogP(), 0, 6));
    est.estimate(m, SpecFixtures.book(2, 1), small);
    NgEstimate again = est.estimate(m, SpecFixtures.book(2, 1), b);
    assertThat(again.rneg()).containsExactly(first.rneg());
    assertThat(again.gneg()).containsExactly(first.gneg());
  }

  @Test
  void rejectsDimensionMismatchAndMissingGradients() {
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b3 = new SampleBatch(1, 3, new double[3], new int[1], new double[1], new double[1],
        new double[3]);
    assertThatThrownBy(() -> new SteinNgEstimator().estimate(m, SpecFixtures.book(2, 1), b3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
    SampleBatch noGrad = new SampleBatch(1, 2, new double[2], new int[1], new double[1],
        new double[1], new double[0]);
    assertThatThrownBy(() -> new SteinNgEstimator().estimate(m, SpecFixtures.book(2, 1), noGrad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradients");
  }

  /** An empty batch or a component without own samples yields zero estimates (no step). */
  @Test
  void noSamplesGiveZeroEstimates() {
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b = SpecFixtures.item11Batch();
    int[] onlyComp1 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    SampleBatch all1 = new SampleBatch(10, 2, b.x(), onlyComp1, b.logQbg(), b.logP(), b.gradLogP());
    NgEstimate e = new SteinNgEstimator(true, true).estimate(m, SpecFixtures.book(2, 1), all1);
    assertThat(slice(e.rneg(), 0, 4)).containsOnly(0.0);
    assertThat(slice(e.gneg(), 0, 2)).containsOnly(0.0);
    assertThat(e.gneg()[2]).isNotCloseTo(0.0, within(1e-12));
    NgEstimate empty = new SteinNgEstimator().estimate(m, SpecFixtures.book(2, 1),
        SampleBatch.empty(2));
    assertThat(empty.rneg()).containsOnly(0.0);
  }
}
