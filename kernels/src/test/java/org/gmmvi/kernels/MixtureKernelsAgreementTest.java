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

/**
 * Every backend's mixture kernels against the scalar reference at awkward sizes: D around the
 * lane and tile boundaries, N below and above a tile, K = 1, 3, 10. The largest combinations are
 * sampled once (D = 300 with N = 2000 only for K = 1) to keep the suite fast.
 */
class MixtureKernelsAgreementTest {

  private static final MixtureKernels REF = new ScalarKernels().mixture();

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String backend : Backend.nonReferenceNames()) {
      for (int d : new int[] {1, 2, 3, 7, 20, 33, 100, 300}) {
        for (int n : new int[] {1, 5, 2000}) {
          for (int k : new int[] {1, 3, 10}) {
            if (d >= 100 && n == 2000 && (k > 1 || d == 300 && !backend.equals("panama"))) {
              continue;
            }
            out.add(Arguments.of(backend, d, n, k));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} D={1} N={2} K={3}")
  @MethodSource("cases")
  void matchesScalarReference(String backend, int d, int n, int k) {
    MixtureKernels mk = KernelTestSupport.backendOrSkip(backend).mixture();
    SplittableRandom rnd = new SplittableRandom(1000L * d + 10L * n + k);
    double[] x = KernelTestSupport.uniform(rnd, n, d);
    double[] means = KernelTestSupport.uniform(rnd, k, d);
    double[] chols = KernelTestSupport.lowerFactors(rnd, k, d);
    double[] stds = KernelTestSupport.stds(rnd, k, d);
    double[] logw = KernelTestSupport.uniform(rnd, 1, k);
    String at = backend + " D=" + d + " N=" + n + " K=" + k + ": ";
    double tol = tolerance((long) d * d);

    double[] compRef = new double[n * k];
    double[] comp = new double[n * k];
    REF.componentLogDensities(x, n, d, means, chols, k, compRef);
    mk.componentLogDensities(x, n, d, means, chols, k, comp);
    assertClose(compRef, comp, tol, at + "componentLogDensities");

    double[] diagRef = new double[n * k];
    double[] diag = new double[n * k];
    REF.componentLogDensitiesDiag(x, n, d, means, stds, k, diagRef);
    mk.componentLogDensitiesDiag(x, n, d, means, stds, k, diag);
    assertClose(diagRef, diag, tol, at + "componentLogDensitiesDiag");

    double[] mixRef = new double[n];
    double[] mix = new double[n];
    REF.mixtureLogDensity(compRef, logw, n, k, mixRef);
    mk.mixtureLogDensity(compRef, logw, n, k, mix);
    assertClose(mixRef, mix, tolerance(k), at + "mixtureLogDensity");

    double[] respRef = new double[n * k];
    double[] resp = new double[n * k];
    REF.logResponsibilities(compRef, logw, mixRef, n, k, respRef);
    mk.logResponsibilities(compRef, logw, mixRef, n, k, resp);
    assertClose(respRef, resp, tolerance(k), at + "logResponsibilities");

    double[] scoreRef = new double[n * d];
    double[] score = new double[n * d];
    REF.mixtureScore(x, n, d, means, chols, k, respRef, scoreRef);
    mk.mixtureScore(x, n, d, means, chols, k, respRef, score);
    assertClose(scoreRef, score, 10 * tol, at + "mixtureScore");

    REF.mixtureScoreDiag(x, n, d, means, stds, k, respRef, scoreRef);
    mk.mixtureScoreDiag(x, n, d, means, stds, k, respRef, score);
    assertClose(scoreRef, score, tol, at + "mixtureScoreDiag");
  }
}
