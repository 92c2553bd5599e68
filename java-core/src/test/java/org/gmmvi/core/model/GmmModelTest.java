package org.gmmvi.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;

import org.gmmvi.core.random.Rng;
import org.gmmvi.core.testutil.SpecFixtures;
import org.junit.jupiter.api.Test;

class GmmModelTest {

  /** §5.1 item 1: Cholesky factors, component and mixture densities, responsibilities, score, entropies. */
  @Test
  void item1ClosedForms() {
    GmmModel m = SpecFixtures.item1Gmm();
    assertClose(m.chol(0), new double[] {1, 0, 0.3, 0.6403124237}, 1e-9, "L0");
    assertClose(m.chol(1), new double[] {0.894427191, 0, -0.2236067977, 1.0723805295}, 1e-9, "L1");
    double[] x = SpecFixtures.ITEM1_X;
    double[] comp = new double[6];
    double[] logq = new double[3];
    m.logDensity(x, 3, comp, logq);
    assertClose(new double[] {comp[0], comp[2], comp[4]}, new double[] {-2.0323219092,
        -2.4896389824, -6.8798828848}, 1e-9, "log N0");
    assertClose(new double[] {comp[1], comp[3], comp[5]}, new double[] {-4.7309688706,
        -2.4483601750, -2.6657514793}, 1e-9, "log N1");
    assertClose(logq, new double[] {-3.0904425019, -2.4605658947, -3.0161099180}, 1e-9, "log q");
    double[] resp = new double[6];
    m.logResponsibilities(comp, logq, 3, resp);
    assertClose(new double[] {Math.exp(resp[0]), Math.exp(resp[2]), Math.exp(resp[4])},
        new double[] {0.8642854251, 0.2914036405, 0.0062965981}, 1e-9, "q(0|x)");
    double[] score = new double[6];
    m.score(x, 3, resp, score);
    assertClose(score, new double[] {-0.5334220240, 1.5914823642, 0.7821080037, -0.3434757239,
        -1.1031487280, 0.6618892368}, 1e-9, "∇log q");
    assertClose(m.componentEntropy(0), 2.3920780068, 1e-9, "H0");
    assertClose(m.componentEntropy(1), 2.7961862619, 1e-9, "H1");
    assertClose(m.averageEntropy(), 2.6749537854, 1e-9, "H̄");
  }

  /** The mixture score agrees with central finite differences of log q (§5.1 item 1). */
  @Test
  void scoreMatchesFiniteDifferences() {
    GmmModel m = SpecFixtures.item1Gmm();
    Rng rng = new Rng(5);
    double h = 1e-5;
    for (int t = 0; t < 20; t++) {
      double[] x = {3 * rng.nextGaussian(), 3 * rng.nextGaussian()};
      double[] lq = new double[1];
      double[] g = new double[2];
      m.logDensityAndScore(x, 1, lq, g);
      for (int i = 0; i < 2; i++) {
        double[] xp = x.clone();
        double[] xm = x.clone();
        xp[i] += h;
        xm[i] -= h;
        double fd = (m.logDensity(xp, 1)[0] - m.logDensity(xm, 1)[0]) / (2 * h);
        assertThat(g[i]).as("∂log q/∂x%d at %s", i, java.util.Arrays.toString(x))
            .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
      }
    }
  }

  /** The density integrates to 1: 1-D (trapezoid on [−40, 40]) and 2-D (midpoint grid). */
  @Test
  void densitiesIntegrateToOne() {
    GmmModel one = GmmModel.full(new double[] {Math.log(0.2), Math.log(0.5), Math.log(0.3)},
        new double[] {-3, 0.5, 4}, new double[] {0.5, 2, 1.3}, 1);
    int n = 80001;
    double[] x = new double[n];
    double step = 80.0 / (n - 1);
    for (int i = 0; i < n; i++) {
      x[i] = -40 + i * step;
    }
    double[] lq = one.logDensity(x, n);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (i == 0 || i == n - 1 ? 0.5 : 1.0) * Math.exp(lq[i]);
    }
    assertThat(s * step).isCloseTo(1.0, within(1e-9));

    GmmModel two = SpecFixtures.item1Gmm();
    double hh = 0.04;
    int g = (int) Math.round(24 / hh);
    double[] grid = new double[g * g * 2];
    for (int i = 0; i < g; i++) {
      for (int j = 0; j < g; j++) {
        grid[2 * (i * g + j)] = -11 + (i + 0.5) * hh;
        grid[2 * (i * g + j) + 1] = -11 + (j + 0.5) * hh;
      }
    }
    double[] lq2 = two.logDensity(grid, g * g);
    double s2 = 0;
    for (double v : lq2) {
      s2 += Math.exp(v);
    }
    assertThat(s2 * hh * hh).isCloseTo(1.0, within(1e-6));
  }

  /**
   * Seeded sampling: per-component sample means and covariances, and the mixture's component counts,
   * lie within 5 standard errors of the exact values (2·10⁵ draws).
   */
  @Test
  void sampleMomentsWithinStandardErrors() {
    GmmModel m = SpecFixtures.item1Gmm();
    int n = 200_000;
    double[] x = new double[n * 2];
    int[] comp = new int[n];
    int[] counts = m.sample(n, new Rng(11), x, comp);
    double w0 = 0.3;
    double seCount = Math.sqrt(n * w0 * (1 - w0));
    assertThat((double) counts[0]).isCloseTo(n * w0, within(5 * seCount));
    assertThat(counts[0] + counts[1]).isEqualTo(n);
    for (int o = 0; o < 2; o++) {
      double[] mu = m.mean(o);
      double[] cov = m.covariance(o);
      double[] s1 = new double[2];
      double[] s2 = new double[4];
      int c = 0;
      for (int i = 0; i < n; i++) {
        if (comp[i] != o) {
          continue;
        }
        c++;
        for (int a = 0; a < 2; a++) {
          s1[a] += x[2 * i + a];
          for (int b = 0; b < 2; b++) {
            s2[2 * a + b] += (x[2 * i + a] - mu[a]) * (x[2 * i + b] - mu[b]);
          }
        }
      }
      assertThat(c).isEqualTo(counts[o]);
      for (int a = 0; a < 2; a++) {
        double se = Math.sqrt(cov[3 * a] / c);
        assertThat(s1[a] / c).as("mean %d of component %d", a, o).isCloseTo(mu[a], within(5 * se));
        for (int b = 0; b < 2; b++) {
          double seCov = Math.sqrt((cov[3 * a] * cov[3 * b] + cov[2 * a + b] * cov[2 * a + b]) / c);
          assertThat(s2[2 * a + b] / c).as("cov %d%d of component %d", a, b, o)
              .isCloseTo(cov[2 * a + b], within(5 * seCov));
        }
      }
    }
  }

  /**
   * §5.1 item 2, ELBO check: for q = N(0, I) and the normalised target p = N(m*, S*),
   * E_q[log p] + H(q) = −KL(q‖p) = −1.2798078940 (closed form), and a seeded Monte Carlo estimate
   * with 4·10⁵ model samples lies within 5 standard errors.
   */
  @Test
  void item2ElboOfGaussianTarget() {
    GmmModel q = SpecFixtures.single(new double[] {0, 0}, new double[] {1, 0, 0, 1});
    double[] sInv = SpecFixtures.inverse(SpecFixtures.S_STAR, 2);
    double logDetS = Math.log(2 * 1 - 0.25);
    double[] mStar = SpecFixtures.M_STAR;
    // KL(N(0,I) ‖ N(m*,S*)) = ½[tr(S*⁻¹) + m*ᵀS*⁻¹m* − 2 + log det S*]
    double quad = SpecFixtures.mul(sInv, mStar, 2)[0] * mStar[0]
        + SpecFixtures.mul(sInv, mStar, 2)[1] * mStar[1];
    double kl = 0.5 * (sInv[0] + sInv[3] + quad - 2 + logDetS);
    assertThat(-kl).isCloseTo(-1.2798078940, within(1e-9));
    int n = 400_000;
    double[] x = q.sample(n, new Rng(17));
    double[] grad = new double[2 * n];
    double[] lp = SpecFixtures.gaussianTargetLogP(x, n, grad);
    double norm = -Math.log(2 * Math.PI) - 0.5 * logDetS;
    double s = 0;
    double s2 = 0;
    for (double v : lp) {
      s += v + norm;
      s2 += (v + norm) * (v + norm);
    }
    double mean = s / n;
    double se = Math.sqrt((s2 / n - mean * mean) / n);
    assertThat(mean + q.componentEntropy(0)).isCloseTo(-1.2798078940, within(5 * se));
  }

  /**
   * Quirk §6 item 9 fixed: mixture sampling returns the component indices grouped like the samples
   * (non-decreasing, each sample next to its own component's mean).
   */
  @Test
  void mixtureSamplingReturnsGroupedIndices() {
    GmmModel m = GmmModel.fromCovariances(new double[] {0.5, 0.2, 0.3},
        new double[] {0, 0, 100, 0, 0, 100}, new double[] {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1}, 2);
    int n = 500;
    double[] x = new double[2 * n];
    int[] comp = new int[n];
    int[] counts = m.sample(n, new Rng(3), x, comp);
    int[] seen = new int[3];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        assertThat(comp[i]).isGreaterThanOrEqualTo(comp[i - 1]);
      }
      double[] mu = m.mean(comp[i]);
      assertThat(Math.hypot(x[2 * i] - mu[0], x[2 * i + 1] - mu[1])).isLessThan(8.0);
      seen[comp[i]]++;
    }
    assertThat(seen).containsExactly(counts);
  }

  /**
   * A diagonal model equals the full model with the same diagonal covariances: densities, scores,
   * entropies, and samples drawn with the same seed.
   */
  @Test
  void diagonalModelEqualsFullModelWithDiagonalCovariances() {
    double[] logw = {Math.log(0.25), Math.log(0.75)};
    double[] means = {0.5, -1, 2, 1, -0.3, 0.7};
    double[] stds = {1.1, 0.6, 2.0, 0.4, 1.5, 0.9};
    double[] chols = new double[18];
    for (int o = 0; o < 2; o++) {
      for (int i = 0; i < 3; i++) {
        chols[o * 9 + i * 4] = stds[o * 3 + i];
      }
    }
    GmmModel diag = GmmModel.diagonal(logw, means, stds, 3);
    GmmModel full = GmmModel.full(logw, means, chols, 3);
    double[] x = diag.sample(50, new Rng(1));
    double[] xf = full.sample(50, new Rng(1));
    assertClose(x, xf, 1e-15, "samples with the same Rng");
    double[] lqd = new double[50];
    double[] gd = new double[150];
    double[] lqf = new double[50];
    double[] gf = new double[150];
    diag.logDensityAndScore(x, 50, lqd, gd);
    full.logDensityAndScore(x, 50, lqf, gf);
    assertClose(lqd, lqf, 1e-13, "log q");
    assertClose(gd, gf, 1e-13, "score");
    for (int o = 0; o < 2; o++) {
      assertClose(diag.componentEntropy(o), full.componentEntropy(o), 1e-14, "H" + o);
      assertClose(diag.covariance(o), full.covariance(o), 1e-15, "Σ" + o);
      assertClose(diag.precision(o), full.precision(o), 1e-13, "Λ" + o);
    }
  }

  /**
   * §5.6 item 21: a component added to a normalised model gets weight exactly 1e−29/(1 + 1e−29);
   * add/remove/copy keep K-consistent state.
   */
  @Test
  void addRemoveCopyInvariants() {
    GmmModel m = SpecFixtures.item1Gmm();
    GmmModel snapshot = m.copy();
    int idx = m.addComponent(Math.log(GmmModel.NEW_COMPONENT_WEIGHT), new double[] {5, 5},
        new double[] {0.5, 0, 0, 0.5});
    assertThat(idx).isEqualTo(2);
    assertThat(m.numComponents()).isEqualTo(3);
    assertThat(Math.exp(m.logWeight(2))).isCloseTo(1e-29 / (1 + 1e-29), within(1e-42));
    assertThat(m.logWeight(2)).isCloseTo(Math.log(1e-29), within(1e-12));
    double sum = 0;
    for (double w : m.weights()) {
      sum += w;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-15));
    assertThat(snapshot.numComponents()).isEqualTo(2);
    m.removeComponent(2);
    assertThat(m.numComponents()).isEqualTo(2);
    assertClose(m.logWeights(), snapshot.logWeights(), 1e-15, "log-weights after add+remove");
    assertThat(m.mean(1)).containsExactly(snapshot.mean(1));
    m.removeComponent(0);
    assertThat(m.mean(0)).containsExactly(snapshot.mean(1));
    assertThat(m.chol(0)).containsExactly(snapshot.chol(1));
    assertThat(m.logWeight(0)).isEqualTo(0.0);
    assertThatThrownBy(() -> m.removeComponent(0)).isInstanceOf(IllegalStateException.class);
    // copies are independent
    GmmModel c = snapshot.copy();
    c.setComponent(0, new double[] {9, 9}, 0, new double[] {1, 0, 0, 1}, 0);
    assertThat(snapshot.mean(0)).containsExactly(0.0, 0.0);
  }

  /** Bad input gets a clear message (dimension mismatch, non-PD covariance naming the component). */
  @Test
  void badInputErrors() {
    assertThatThrownBy(() -> GmmModel.full(new double[] {0}, new double[] {0, 0, 0},
        new double[] {1, 0, 0, 1}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("means").hasMessageContaining("got 3");
    assertThatThrownBy(() -> GmmModel.fromCovariances(new double[] {0.5, 0.5},
        new double[] {0, 0, 1, 1}, new double[] {1, 0, 0, 1, 1, 2, 2, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component 1").hasMessageContaining("positive definite");
    assertThatThrownBy(() -> GmmModel.diagonal(new double[] {0}, new double[] {0, 0},
        new double[] {1, -1}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component 0").hasMessageContaining("standard deviation 1");
    assertThatThrownBy(() -> GmmModel.full(new double[] {0, Double.NaN}, new double[] {0, 0, 1, 1},
        new double[] {1, 0, 0, 1, 1, 0, 0, 1}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log-weight of component 1");
    assertThatThrownBy(() -> GmmModel.fromCovariances(new double[] {0, 0}, new double[] {0, 0, 1, 1},
        new double[] {1, 0, 0, 1, 1, 0, 0, 1}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive weight");
    GmmModel m = SpecFixtures.item1Gmm();
    assertThatThrownBy(() -> m.addComponent(0, new double[] {1}, new double[] {1, 0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 2");
  }

  /** Mixture moments (issue 12.6): closed forms of the law of total expectation and covariance. */
  @Test
  void mixtureMeanAndCovariance() {
    GmmModel one = GmmModel.fromCovariances(new double[] {0.25, 0.75}, new double[] {-2, 2},
        new double[] {1, 4}, 1);
    assertThat(one.mean()[0])
        .isCloseTo(1.0, within(1e-14));
    assertThat(one.covariance()[0])
        .isCloseTo(6.25, within(1e-13));
    GmmModel two = GmmModel.fromCovariances(new double[] {0.5, 0.5}, new double[] {0, 0, 2, 2},
        new double[] {1, 0, 0, 1, 1, 0, 0, 1}, 2);
    double[] c = two.covariance();
    double[] expected = {2, 1, 1, 2};
    for (int i = 0; i < 4; i++) {
      assertThat(c[i])
          .isCloseTo(expected[i], within(1e-13));
    }
    assertThat(two.mean()).containsExactly(1.0, 1.0);
    assertThat(two.toString()).isEqualTo("GmmModel[K=2, D=2,"
        + " full, weights=[0.5, 0.5], mean=[1, 1], component 0: mean=[0, 0] var=[1, 1],"
        + " component 1: mean=[2, 2] var=[1, 1]]");
  }
}
