package org.gmmvi.kernels;

import static org.gmmvi.kernels.testing.KernelTestSupport.assertClose;
import static org.gmmvi.kernels.testing.KernelTestSupport.tolerance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gmmvi.kernels.scalar.ScalarKernels;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every backend's dense kernels against the scalar reference, at awkward orders and with non-zero
 * offsets (matrices embedded in larger arrays, so that offset bugs show).
 */
class DenseKernelsAgreementTest {

  private static final DenseKernels REF = new ScalarKernels().dense();

  /** Offset at which operands are embedded. */
  private static final int OFF = 3;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String backend : Backend.nonReferenceNames()) {
      for (int n : new int[] {1, 2, 3, 7, 20, 33, 64, 100, 300}) {
        for (int m : new int[] {1, 5, 2000}) {
          if (n == 300 && m == 2000) {
            continue;
          }
          out.add(Arguments.of(backend, n, m));
        }
      }
    }
    return out.stream();
  }

  private static double[] embed(double[] a, int off) {
    double[] e = new double[off + a.length + 2];
    Arrays.fill(e, 42.0);
    System.arraycopy(a, 0, e, off, a.length);
    return e;
  }

  private static double[] extract(double[] e, int off, int len) {
    return Arrays.copyOfRange(e, off, off + len);
  }

  @ParameterizedTest(name = "{0} n={1} m={2}")
  @MethodSource("cases")
  void matchesScalarReference(String backend, int n, int m) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    SplittableRandom rnd = new SplittableRandom(97L * n + m);
    String at = backend + " n=" + n + " m=" + m + ": ";
    double tol = tolerance((long) n * n);
    int nn = n * n;
    double[] spd = KernelTestSupport.spd(rnd, n);
    double[] lRef = spd.clone();
    assertTrue(REF.cholesky(lRef, 0, n));

    if (m == 1) {
      double[] a = embed(spd, OFF);
      assertTrue(dk.cholesky(a, OFF, n), at + "cholesky failed");
      assertClose(lRef, extract(a, OFF, nn), tol, at + "cholesky");
      assertEquals(42.0, a[OFF + nn], at + "cholesky wrote past the matrix");
      assertEquals(42.0, a[OFF - 1], at + "cholesky wrote before the matrix");

      double[] out = new double[OFF + nn];
      double[] ref = new double[nn];
      double[] l = embed(lRef, OFF);
      REF.invertLower(lRef, 0, n, ref, 0);
      dk.invertLower(l, OFF, n, out, OFF);
      assertClose(ref, extract(out, OFF, nn), tol, at + "invertLower");
      REF.lowerTimesTranspose(lRef, 0, n, ref, 0);
      dk.lowerTimesTranspose(l, OFF, n, out, OFF);
      assertClose(ref, extract(out, OFF, nn), tol, at + "lowerTimesTranspose");
      REF.transposeTimesLower(lRef, 0, n, ref, 0);
      dk.transposeTimesLower(l, OFF, n, out, OFF);
      assertClose(ref, extract(out, OFF, nn), tol, at + "transposeTimesLower");
      assertEquals(REF.logDetFromCholesky(lRef, 0, n), dk.logDetFromCholesky(l, OFF, n),
          tol * n, at + "logDetFromCholesky");

      double[] b = KernelTestSupport.uniform(rnd, 1, n);
      double[] bRef = b.clone();
      double[] be = embed(b, OFF);
      REF.solveLower(lRef, 0, n, bRef, 0);
      dk.solveLower(l, OFF, n, be, OFF);
      assertClose(bRef, extract(be, OFF, n), tol, at + "solveLower");
      REF.solveLowerTransposed(lRef, 0, n, bRef, 0);
      dk.solveLowerTransposed(l, OFF, n, be, OFF);
      assertClose(bRef, extract(be, OFF, n), tol, at + "solveLowerTransposed");

      double[] x = KernelTestSupport.uniform(rnd, 1, n);
      double[] up = lRef.clone();
      double[] upE = embed(lRef, OFF);
      REF.cholUpdate(up, 0, n, x.clone(), 0);
      dk.cholUpdate(upE, OFF, n, embed(x, OFF), OFF);
      assertClose(up, extract(upE, OFF, nn), tol, at + "cholUpdate");
      assertTrue(dk.cholDowndate(upE, OFF, n, embed(x, OFF), OFF), at + "cholDowndate");
      assertClose(lRef, extract(upE, OFF, nn), 100 * tol, at + "cholDowndate undoes cholUpdate");
    }

    double[] rows = KernelTestSupport.uniform(rnd, m, n);
    double[] rowsRef = rows.clone();
    double[] rowsE = embed(rows, OFF);
    double[] l = embed(lRef, OFF);
    REF.solveLowerRows(lRef, 0, n, rowsRef, 0, m);
    dk.solveLowerRows(l, OFF, n, rowsE, OFF, m);
    assertClose(rowsRef, extract(rowsE, OFF, m * n), tol, at + "solveLowerRows");
    REF.solveLowerTransposedRows(lRef, 0, n, rowsRef, 0, m);
    dk.solveLowerTransposedRows(l, OFF, n, rowsE, OFF, m);
    assertClose(rowsRef, extract(rowsE, OFF, m * n), tol, at + "solveLowerTransposedRows");
  }

  static Stream<Arguments> products() {
    List<Arguments> out = new ArrayList<>();
    for (String backend : Backend.nonReferenceNames()) {
      for (int[] s : new int[][] {{1, 1, 1}, {2, 3, 1}, {7, 5, 3}, {20, 20, 20}, {33, 7, 64},
          {1, 100, 20}, {100, 33, 100}, {64, 64, 0}}) {
        out.add(Arguments.of(backend, s[0], s[1], s[2]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
  @MethodSource("products")
  void gemmAndSyrkMatchReference(String backend, int m, int n, int k) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    SplittableRandom rnd = new SplittableRandom(7L * m + 11L * n + k);
    double tol = tolerance(Math.max(k, 1));
    double[] a = KernelTestSupport.uniform(rnd, m, k);
    double[] b = KernelTestSupport.uniform(rnd, k, n);
    double[] c0 = KernelTestSupport.uniform(rnd, m, n);
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        for (double beta : new double[] {0.0, 1.0, -0.5}) {
          double[] ref = c0.clone();
          double[] got = embed(c0, OFF);
          REF.gemm(ta, tb, m, n, k, 1.5, a, 0, b, 0, beta, ref, 0);
          dk.gemm(ta, tb, m, n, k, 1.5, embed(a, OFF), OFF, embed(b, OFF), OFF, beta, got, OFF);
          assertClose(ref, extract(got, OFF, m * n), tol,
              backend + " gemm ta=" + ta + " tb=" + tb + " beta=" + beta);
        }
      }
    }
    double[] s0 = KernelTestSupport.uniform(rnd, m, m);
    for (boolean t : new boolean[] {false, true}) {
      double[] ref = s0.clone();
      double[] got = embed(s0, OFF);
      REF.syrk(t, m, k, 0.5, a, 0, 2.0, ref, 0);
      dk.syrk(t, m, k, 0.5, embed(a, OFF), OFF, 2.0, got, OFF);
      assertClose(ref, extract(got, OFF, m * m), tol, backend + " syrk trans=" + t);
    }
  }
}
