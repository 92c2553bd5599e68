package org.gmmvi.kernels;

import static org.gmmvi.kernels.testing.KernelTestSupport.assertClose;
import static org.gmmvi.kernels.testing.KernelTestSupport.tolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Definition checks of {@link DenseKernels} for every backend (EJML's {@code
 * GenericCholeskyTests_DDRM} style): L·Lᵀ = A, a hand-worked 3×3, the 0×0 and 1×1 cases, failure on
 * matrices that are not positive definite or contain NaN, update/downdate against
 * re-factorisation, downdate failure leaving L unchanged, solves against EJML, gemm/syrk against
 * explicit loops.
 */
class DenseKernelsContractTest {

  private static final int[] ORDERS = {1, 2, 3, 7, 20, 33, 64, 100};

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void choleskyReproducesMatrix(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    for (int n : ORDERS) {
      double[] a = KernelTestSupport.spd(new SplittableRandom(n), n);
      double[] l = a.clone();
      assertTrue(dk.cholesky(l, 0, n), backend + " n=" + n);
      for (int i = 0; i < n; i++) {
        assertTrue(l[i * n + i] > 0.0, "positive diagonal");
        for (int j = i + 1; j < n; j++) {
          assertEquals(0.0, l[i * n + j], "strict upper triangle is zero");
        }
      }
      double[] back = new double[n * n];
      dk.lowerTimesTranspose(l, 0, n, back, 0);
      assertClose(a, back, tolerance(n), backend + " L·Lᵀ = A, n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void handWorkedThreeByThree(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    // A = L Lᵀ with L = [[2,0,0],[1,3,0],[-1,2,1]] (worked by hand).
    double[] a = {4, 2, -2, 2, 10, 5, -2, 5, 6};
    assertTrue(dk.cholesky(a, 0, 3));
    assertClose(new double[] {2, 0, 0, 1, 3, 0, -1, 2, 1}, a, 1e-15, backend + " 3x3");
    assertEquals(2 * Math.log(6.0), dk.logDetFromCholesky(a, 0, 3), 1e-14);
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void emptyAndOneByOne(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    assertTrue(dk.cholesky(new double[0], 0, 0));
    assertEquals(0.0, dk.logDetFromCholesky(new double[0], 0, 0));
    double[] one = {9.0};
    assertTrue(dk.cholesky(one, 0, 1));
    assertEquals(3.0, one[0]);
    double[] b = {6.0};
    dk.solveLower(one, 0, 1, b, 0);
    assertEquals(2.0, b[0]);
    assertFalse(dk.cholesky(new double[] {0.0}, 0, 1), "zero pivot");
    assertFalse(dk.cholesky(new double[] {-1.0}, 0, 1), "negative pivot");
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void notPositiveDefiniteOrNanFails(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    for (int n : new int[] {2, 3, 20, 64}) {
      double[] a = KernelTestSupport.spd(new SplittableRandom(5 + n), n);
      double[] indefinite = a.clone();
      indefinite[(n - 1) * n + (n - 1)] = -1.0;
      assertFalse(dk.cholesky(indefinite, 0, n), backend + " indefinite n=" + n);
      double[] nan = a.clone();
      nan[(n - 1) * n + (n - 1)] = Double.NaN;
      assertFalse(dk.cholesky(nan, 0, n), backend + " NaN diagonal n=" + n);
      double[] nanOff = a.clone();
      nanOff[(n - 1) * n] = Double.NaN;
      assertFalse(dk.cholesky(nanOff, 0, n), backend + " NaN below diagonal n=" + n);
      double[] inf = a.clone();
      inf[0] = Double.POSITIVE_INFINITY;
      assertFalse(dk.cholesky(inf, 0, n), backend + " infinite pivot n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void updateAndDowndateEqualRefactorisation(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    for (int n : new int[] {1, 3, 20, 33}) {
      SplittableRandom rnd = new SplittableRandom(300 + n);
      double[] a = KernelTestSupport.spd(rnd, n);
      double[] x = KernelTestSupport.uniform(rnd, 1, n);
      double[] l = a.clone();
      assertTrue(dk.cholesky(l, 0, n));
      double[] plus = a.clone();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          plus[i * n + j] += x[i] * x[j];
        }
      }
      double[] lPlus = plus.clone();
      assertTrue(dk.cholesky(lPlus, 0, n));
      double[] updated = l.clone();
      dk.cholUpdate(updated, 0, n, x.clone(), 0);
      assertClose(lPlus, updated, tolerance(n * n), backend + " update n=" + n);
      double[] downdated = lPlus.clone();
      assertTrue(dk.cholDowndate(downdated, 0, n, x.clone(), 0));
      assertClose(l, downdated, 100 * tolerance(n * n), backend + " downdate n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void failedDowndateLeavesFactorUnchanged(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    int n = 5;
    double[] l = KernelTestSupport.spd(new SplittableRandom(77), n);
    assertTrue(dk.cholesky(l, 0, n));
    // x = 2·L e_0 gives L Lᵀ − x xᵀ with x ∈ range: e_0ᵀ L⁻¹(LLᵀ − xxᵀ)L⁻ᵀ e_0 = 1 − 4 < 0.
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2.0 * l[i * n];
    }
    double[] before = l.clone();
    assertFalse(dk.cholDowndate(l, 0, n, x, 0));
    assertArrayEquals(before, l, backend + ": L must be unchanged after a failed downdate");
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void solvesAndInverseMatchEjml(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    for (int n : ORDERS) {
      SplittableRandom rnd = new SplittableRandom(900 + n);
      double[] l = KernelTestSupport.lowerFactor(rnd, n);
      double[] b = KernelTestSupport.uniform(rnd, 1, n);
      DMatrixRMaj lm = new DMatrixRMaj(n, n, true, l);
      DMatrixRMaj bm = new DMatrixRMaj(n, 1, true, b);
      DMatrixRMaj expect = new DMatrixRMaj(n, 1);
      CommonOps_DDRM.solve(lm, bm, expect);
      double[] got = b.clone();
      dk.solveLower(l, 0, n, got, 0);
      assertClose(expect.data, got, tolerance(n * n), backend + " L⁻¹b vs EJML n=" + n);

      DMatrixRMaj lt = CommonOps_DDRM.transpose(lm, null);
      CommonOps_DDRM.solve(lt, bm, expect);
      got = b.clone();
      dk.solveLowerTransposed(l, 0, n, got, 0);
      assertClose(expect.data, got, tolerance(n * n), backend + " L⁻ᵀb vs EJML n=" + n);

      DMatrixRMaj inv = new DMatrixRMaj(n, n);
      CommonOps_DDRM.invert(lm, inv);
      double[] out = new double[n * n];
      dk.invertLower(l, 0, n, out, 0);
      assertClose(inv.data, out, tolerance(n * n), backend + " L⁻¹ vs EJML n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void gemmAndSyrkMatchExplicitLoops(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    int m = 7;
    int n = 5;
    int k = 33;
    SplittableRandom rnd = new SplittableRandom(4242);
    double[] a = KernelTestSupport.uniform(rnd, m, k);
    double[] bt = KernelTestSupport.uniform(rnd, n, k);
    double[] c = new double[m * n];
    dk.gemm(false, true, m, n, k, 2.0, a, 0, bt, 0, 0.0, c, 0);
    double[] expect = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0.0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * bt[j * k + p];
        }
        expect[i * n + j] = 2.0 * s;
      }
    }
    assertClose(expect, c, tolerance(k), backend + " gemm vs loops");
    double[] s = new double[m * m];
    dk.syrk(false, m, k, 1.0, a, 0, 0.0, s, 0);
    double[] expectS = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        for (int p = 0; p < k; p++) {
          expectS[i * m + j] += a[i * k + p] * a[j * k + p];
        }
      }
    }
    assertClose(expectS, s, tolerance(k), backend + " syrk vs loops");
  }
}
