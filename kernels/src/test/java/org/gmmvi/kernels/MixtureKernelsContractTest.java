package org.gmmvi.kernels;

import static org.gmmvi.kernels.testing.KernelTestSupport.CLOSED_FORM;
import static org.gmmvi.kernels.testing.KernelTestSupport.assertClose;
import static org.gmmvi.kernels.testing.KernelTestSupport.tolerance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closed-form checks of {@link MixtureKernels} for every backend: the worked example of
 * ALGORITHM.md §5.1 item 1, the Gaussian log-density against the direct formula
 * {@code −½(x−μ)ᵀΣ⁻¹(x−μ) − ½ log det(2πΣ)} computed with EJML, and log-sum-exp edge cases.
 */
class MixtureKernelsContractTest {

  // ALGORITHM.md §5.1 item 1: two components in D = 2, three query points.
  private static final double[] X = {0.5, -0.5, 1, 1, 3, 0};
  private static final double[] MEANS = {0, 0, 2, 1};
  private static final double[] CHOLS = {1, 0, 0.3, Math.sqrt(0.5 - 0.09),
      Math.sqrt(0.8), 0, -0.2 / Math.sqrt(0.8), Math.sqrt(1.2 - 0.04 / 0.8)};
  private static final double[] LOGW = {Math.log(0.3), Math.log(0.7)};

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void workedExampleOfAlgorithmSection51(String backend) {
    MixtureKernels mk = KernelTestSupport.backendOrSkip(backend).mixture();
    // The factors quoted in the spec, as a check of the constants above.
    assertClose(new double[] {1, 0, 0.3, 0.6403124237, 0.894427191, 0, -0.2236067977,
        1.0723805295}, CHOLS, 1e-9, "spec factors L0, L1");
    double[] comp = new double[6];
    mk.componentLogDensities(X, 3, 2, MEANS, CHOLS, 2, comp);
    assertClose(new double[] {-2.0323219092, -4.7309688706, -2.4896389824, -2.4483601750,
        -6.8798828848, -2.6657514793}, comp, CLOSED_FORM, backend + " log N0, log N1");
    double[] mix = new double[3];
    mk.mixtureLogDensity(comp, LOGW, 3, 2, mix);
    assertClose(new double[] {-3.0904425019, -2.4605658947, -3.0161099180}, mix, CLOSED_FORM,
        backend + " log q");
    double[] logResp = new double[6];
    mk.logResponsibilities(comp, LOGW, mix, 3, 2, logResp);
    double[] q0 = {Math.exp(logResp[0]), Math.exp(logResp[2]), Math.exp(logResp[4])};
    assertClose(new double[] {0.8642854251, 0.2914036405, 0.0062965981}, q0, CLOSED_FORM,
        backend + " q(0|x)");
    double[] score = new double[6];
    mk.mixtureScore(X, 3, 2, MEANS, CHOLS, 2, logResp, score);
    assertClose(new double[] {-0.5334220240, 1.5914823642, 0.7821080037, -0.3434757239,
        -1.1031487280, 0.6618892368}, score, CLOSED_FORM, backend + " ∇log q");
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void logDensityMatchesDirectFormulaWithEjml(String backend) {
    MixtureKernels mk = KernelTestSupport.backendOrSkip(backend).mixture();
    for (int d : new int[] {1, 3, 7, 20, 33}) {
      int n = 17;
      SplittableRandom rnd = new SplittableRandom(5000 + d);
      double[] x = KernelTestSupport.uniform(rnd, n, d);
      double[] mu = KernelTestSupport.uniform(rnd, 1, d);
      double[] sigma = KernelTestSupport.spd(rnd, d);
      DMatrixRMaj sm = new DMatrixRMaj(d, d, true, sigma);
      DMatrixRMaj prec = new DMatrixRMaj(d, d);
      CommonOps_DDRM.invert(sm, prec);
      double logDet = Math.log(CommonOps_DDRM.det(sm));
      double[] expect = new double[n];
      for (int s = 0; s < n; s++) {
        double quad = 0.0;
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            quad += (x[s * d + i] - mu[i]) * prec.get(i, j) * (x[s * d + j] - mu[j]);
          }
        }
        expect[s] = -0.5 * quad - 0.5 * logDet - 0.5 * d * Math.log(2 * Math.PI);
      }
      double[] chol = sigma.clone();
      KernelTestSupport.backendOrSkip("scalar").dense().cholesky(chol, 0, d);
      double[] got = new double[n];
      mk.componentLogDensities(x, n, d, mu, chol, 1, got);
      assertClose(expect, got, 100 * tolerance(d * d), backend + " direct formula D=" + d);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void logSumExpEdgeCases(String backend) {
    MixtureKernels mk = KernelTestSupport.backendOrSkip(backend).mixture();
    double inf = Double.NEGATIVE_INFINITY;
    // Row 0: all −∞ → −∞. Row 1: one finite term. Row 2: huge values that overflow without the
    // max shift. Row 3: equal terms, log(3·e^-1000) = −1000 + log 3.
    double[] comp = {inf, inf, inf, inf, -2.0, inf, 800, 800, 799, -1000, -1000, -1000};
    double[] logw = {0.0, 0.0, 0.0};
    double[] out = new double[4];
    mk.mixtureLogDensity(comp, logw, 4, 3, out);
    assertEquals(inf, out[0], backend + " all −∞ row");
    assertEquals(-2.0, out[1], 1e-15, backend + " single finite term");
    assertEquals(800 + Math.log(2 + Math.exp(-1)), out[2], 1e-12, backend + " no overflow");
    assertEquals(-1000 + Math.log(3), out[3], 1e-12, backend + " no underflow");
    double[] none = new double[2];
    mk.mixtureLogDensity(new double[0], new double[0], 2, 0, none);
    assertEquals(inf, none[0], backend + " K = 0 gives −∞");
  }
}
