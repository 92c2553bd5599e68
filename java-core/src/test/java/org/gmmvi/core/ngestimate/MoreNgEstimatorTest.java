package org.gmmvi.core.ngestimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gmmvi.core.testutil.SpecFixtures.assertClose;
import static org.gmmvi.core.testutil.SpecFixtures.slice;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.core.testutil.SpecFixtures;
import org.junit.jupiter.api.Test;

class MoreNgEstimatorTest {

  /** §5.1 item 4: MORE is exact for a quadratic log-ratio on the 3 × 3 grid x = μ + L z. */
  @Test
  void item4QuadraticLogRatioIsFittedExactly() {
    double[] mu = {0.5, -0.5};
    GmmModel q = SpecFixtures.single(mu, new double[] {1, 0.3, 0.3, 0.5});
    double[] l = q.chol(0);
    double[] x = new double[18];
    int r = 0;
    for (int a = -1; a <= 1; a++) {
      for (int b = -1; b <= 1; b++) {
        x[2 * r] = mu[0] + l[0] * a;
        x[2 * r + 1] = mu[1] + l[2] * a + l[3] * b;
        r++;
      }
    }
    double[] grad = new double[18];
    double[] lp = SpecFixtures.gaussianTargetLogP(x, 9, grad);
    SampleBatch batch = new SampleBatch(9, 2, x, new int[9], q.logDensity(x, 9), lp, grad);
    MoreNgEstimator est = new MoreNgEstimator(false, true, 1e-12);
    NgEstimate e = est.estimate(q, SpecFixtures.book(1, 1), batch);
    double[] rneg = {-0.6480836237, 0.4459930314, 0.4459930314, -1.2961672474};
    assertClose(e.rneg(), rneg, 1e-9, "Rneg");
    assertClose(e.gneg(), new double[] {-0.4285714286, 0.7142857143}, 1e-9, "gneg");
    double[] rmu = SpecFixtures.mul(e.rneg(), mu, 2);
    assertClose(new double[] {rmu[0] - e.gneg()[0], rmu[1] - e.gneg()[1]},
        new double[] {-0.1184668990, 0.1567944251}, 1e-9, "r");
    assertClose(est.lastOffsets()[0], 0.8894647664, 1e-9, "c'");
  }

  /** §5.4 item 11, MORE with self-normalised weights, λ = 1e−12. */
  @Test
  void item11SelfNormalized() {
    NgEstimate e = new MoreNgEstimator().estimate(SpecFixtures.item11Model(),
        SpecFixtures.book(2, 1), SpecFixtures.item11Batch());
    assertClose(slice(e.rneg(), 0, 4), new double[] {0.80437639, 1.07437933, 1.07437933,
        -1.10344922}, 1e-7, "Rneg0");
    assertClose(slice(e.gneg(), 0, 2), new double[] {-1.0234102, -0.77988627}, 1e-7, "gneg0");
    assertClose(slice(e.rneg(), 4, 4), new double[] {-0.33559648, -0.42665015, -0.42665015,
        -0.22488415}, 1e-7, "Rneg1");
    assertClose(slice(e.gneg(), 2, 2), new double[] {0.02281207, -0.09183312}, 1e-7, "gneg1");
  }

  /**
   * §2.1.2 step 3 with standard weights {@code ŵ = exp(lw)} (not divided by N), λ = 0.3: the
   * max-shifted solve equals a direct EJML solve of {@code (ΦᵀWΦ + λE)θ = ΦᵀWf} with the raw weights;
   * checked through {@code gneg = −L⁻ᵀ b} and {@code Rneg}.
   */
  @Test
  void standardWeightsMatchDirectRidgeSolve() {
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b = SpecFixtures.item11Batch();
    ComponentBookkeeping book = SpecFixtures.book(2, 1);
    book.setL2reg(0, 0.3);
    book.setL2reg(1, 0.3);
    NgEstimate e = new MoreNgEstimator(false, false, 1e-12).estimate(m, book, b);
    double[] comp = new double[20];
    double[] logq = new double[10];
    m.logDensity(b.x(), 10, comp, logq);
    for (int o = 0; o < 2; o++) {
      double[] mu = m.mean(o);
      double[] l = m.chol(o);
      DMatrixRMaj phi = new DMatrixRMaj(10, 6);
      DMatrixRMaj wf = new DMatrixRMaj(10, 1);
      DMatrixRMaj wphi = new DMatrixRMaj(10, 6);
      for (int s = 0; s < 10; s++) {
        double z0 = (b.x()[2 * s] - mu[0]) / l[0];
        double z1 = (b.x()[2 * s + 1] - mu[1] - l[2] * z0) / l[3];
        double[] row = {z0 * z0, z0 * z1, z1 * z1, z0, z1, 1};
        double wt = Math.exp(comp[2 * s + o] - b.logQbg()[s]);
        for (int j = 0; j < 6; j++) {
          phi.set(s, j, row[j]);
          wphi.set(s, j, wt * row[j]);
        }
        wf.set(s, 0, wt * (b.logP()[s] - logq[s]));
      }
      DMatrixRMaj g = new DMatrixRMaj(6, 6);
      CommonOps_DDRM.multTransA(phi, wphi, g);
      for (int j = 0; j < 5; j++) {
        g.add(j, j, 0.3);
      }
      DMatrixRMaj rhs = new DMatrixRMaj(6, 1);
      CommonOps_DDRM.multTransA(phi, wf, rhs);
      DMatrixRMaj th = new DMatrixRMaj(6, 1);
      assertThat(CommonOps_DDRM.solve(g, rhs, th)).isTrue();
      // gneg = −L⁻ᵀ b
      double b1 = th.get(4) / l[3];
      double b0 = (th.get(3) - l[2] * b1) / l[0];
      assertClose(slice(e.gneg(), 2 * o, 2), new double[] {-b0, -b1}, 1e-10, "gneg" + o);
      // z-space A from θ, then R = L⁻ᵀ A L⁻¹
      double[] a = {-2 * th.get(0), -th.get(1), -th.get(1), -2 * th.get(2)};
      double[] li = SpecFixtures.inverse(l, 2);
      double[] rr = new double[4];
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
              rr[2 * i + j] += li[2 * p + i] * a[2 * p + q] * li[2 * q + j];
            }
          }
        }
      }
      assertClose(slice(e.rneg(), 4 * o, 4), rr, 1e-10, "Rneg" + o);
    }
  }

  /**
   * §4 "Log-sum-exp": importance weights are formed in log space. Shifting every background density
   * by −1000 (importance weights e^1000 times larger, far beyond double range) leaves SNIS estimates
   * unchanged and, with standard weights, is the same as dividing λ by e^1000: λ = 0.3 on the shifted
   * batch equals λ = 0 (0.3·e^−1000 underflows) on the original one (10 samples, 6 features).
   */
  @Test
  void importanceWeightsAreShiftStable() {
    GmmModel m = SpecFixtures.item11Model();
    SampleBatch b = SpecFixtures.item11Batch();
    double[] shifted = b.logQbg().clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] -= 1000;
    }
    SampleBatch s = new SampleBatch(b.n(), b.d(), b.x(), b.mapping(), shifted, b.logP(),
        b.gradLogP());
    ComponentBookkeeping book = SpecFixtures.book(2, 1);
    NgEstimate e0 = new MoreNgEstimator().estimate(m, book, b);
    NgEstimate e1 = new MoreNgEstimator().estimate(m, book, s);
    assertClose(e1.rneg(), e0.rneg(), 1e-9, "MORE SNIS Rneg under a shift");
    assertClose(e1.gneg(), e0.gneg(), 1e-9, "MORE SNIS gneg under a shift");
    NgEstimate s0 = new SteinNgEstimator().estimate(m, book, b);
    NgEstimate s1 = new SteinNgEstimator().estimate(m, book, s);
    assertClose(s1.rneg(), s0.rneg(), 1e-12, "Stein SNIS Rneg under a shift");
    book.setL2reg(0, 0.0);
    book.setL2reg(1, 0.0);
    NgEstimate st0 = new MoreNgEstimator(false, false, 0.0).estimate(m, book, b);
    book.setL2reg(0, 0.3);
    book.setL2reg(1, 0.3);
    NgEstimate st1 = new MoreNgEstimator(false, false, 0.0).estimate(m, book, s);
    assertClose(st1.rneg(), st0.rneg(), 1e-9, "MORE standard-IW Rneg under a shift");
    assertClose(st1.gneg(), st0.gneg(), 1e-9, "MORE standard-IW gneg under a shift");
  }

  /** Feature order of §2.1.2 step 2 for D = 3: z0², z0z1, z0z2, z1², z1z2, z2², z0, z1, z2, 1. */
  @Test
  void featureOrder() {
    double[] phi = new double[10];
    MoreNgEstimator.fillFeatures(new double[] {2, 3, 5}, 1, 3, phi);
    assertThat(phi).containsExactly(4, 6, 10, 9, 15, 25, 2, 3, 5, 1);
    assertThat(MoreNgEstimator.numFeatures(3)).isEqualTo(10);
  }

  /** The LU fallback solves an indefinite (non-SPD) system and reports a singular one. */
  @Test
  void luFallbackForIndefiniteSystems() {
    double[] a = {0, 2, 1, 1, 1, 0, 3, 0, -1}; // zero leading pivot: Cholesky fails, LU pivots
    double[] sol = {1, 2, 1};
    double[] b = SpecFixtures.mul(a, sol, 3);
    LinearSolve solver = new LinearSolve();
    org.gmmvi.kernels.DenseKernels dense = org.gmmvi.kernels.KernelProvider.get().dense();
    assertThat(solver.solve(dense, a, b, 3)).isTrue();
    assertClose(b, sol, 1e-14, "LU solution");
    assertThat(a).containsExactly(0, 2, 1, 1, 1, 0, 3, 0, -1); // input not modified
    double[] singular = {1, 2, 2, 4};
    assertThat(solver.solve(dense, singular, new double[] {1, 1}, 2)).isFalse();
  }

  /** Diagonal covariances are rejected with a clear message (quirk §6 item 15). */
  @Test
  void rejectsDiagonalModels() {
    GmmModel diag = GmmModel.diagonal(new double[] {0}, new double[] {0, 0}, new double[] {1, 1}, 2);
    assertThatThrownBy(() -> new MoreNgEstimator().estimate(diag, SpecFixtures.book(1, 1),
        SampleBatch.empty(2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("full covariances");
    assertThat(new MoreNgEstimator().needsGradients()).isFalse();
  }
}
