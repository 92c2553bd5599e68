package org.gmmvi.kernels;

import static org.gmmvi.kernels.testing.KernelTestSupport.assertClose;
import static org.gmmvi.kernels.testing.KernelTestSupport.tolerance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gmmvi.kernels.scalar.ScalarKernels;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every backend's weighted sums against the scalar reference at awkward sizes. */
class NgKernelsAgreementTest {

  private static final NgKernels REF = new ScalarKernels().ng();

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String backend : Backend.nonReferenceNames()) {
      for (int d : new int[] {1, 2, 3, 7, 20, 33, 100, 300}) {
        for (int n : new int[] {1, 5, 2000}) {
          if (d == 300 && n == 2000 && !backend.equals("panama")) {
            continue;
          }
          out.add(Arguments.of(backend, d, n));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} D={1} N={2}")
  @MethodSource("cases")
  void matchesScalarReference(String backend, int d, int n) {
    NgKernels ng = KernelTestSupport.backendOrSkip(backend).ng();
    SplittableRandom rnd = new SplittableRandom(31L * d + n);
    double[] w = KernelTestSupport.uniform(rnd, 1, n);
    double[] g = KernelTestSupport.uniform(rnd, n, d);
    double[] h = KernelTestSupport.uniform(rnd, n, d);
    double[] f = KernelTestSupport.uniform(rnd, 1, n);
    String at = backend + " D=" + d + " N=" + n + ": ";
    // Sums of n terms of size <= 1: absolute error ~ n·eps, compared relative to 1 + |value|.
    double tol = tolerance(n);

    double[] vRef = new double[d];
    double[] v = new double[d];
    REF.weightedSum(w, g, n, d, vRef);
    ng.weightedSum(w, g, n, d, v);
    assertClose(vRef, v, tol, at + "weightedSum");
    REF.weightedElementwise(w, g, h, n, d, vRef);
    ng.weightedElementwise(w, g, h, n, d, v);
    assertClose(vRef, v, tol, at + "weightedElementwise");
    REF.weightedTransposeTimes(w, g, n, d, f, vRef);
    ng.weightedTransposeTimes(w, g, n, d, f, v);
    assertClose(vRef, v, tol, at + "weightedTransposeTimes");

    double[] mRef = new double[d * d];
    double[] m = new double[d * d];
    REF.weightedOuter(w, g, h, n, d, mRef);
    ng.weightedOuter(w, g, h, n, d, m);
    assertClose(mRef, m, tol, at + "weightedOuter");
    REF.weightedGram(w, g, n, d, mRef);
    ng.weightedGram(w, g, n, d, m);
    assertClose(mRef, m, tol, at + "weightedGram");
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        if (m[i * d + j] != m[j * d + i]) {
          throw new AssertionError(at + "weightedGram not exactly symmetric at " + i + "," + j);
        }
      }
    }
  }
}
