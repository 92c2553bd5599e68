package org.gmmvi.kernels.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.MixtureKernels;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row-split mixture kernels give exactly the wrapped backend's output, bit for bit, for every
 * backend and thread count: N straddles the alignment (63, 65, 130, 1000, 4097 rows), so ranges
 * end inside and at the end of tiles, and every call is split (no small-call threshold).
 */
class ParallelMixtureKernelsTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String backend : Backend.names()) {
      for (int threads : new int[] {2, 3, 5}) {
        for (int n : new int[] {63, 65, 130, 1000, 4097}) {
          out.add(Arguments.of(backend, threads, n, n % 2 == 0 ? 31 : 7, n > 64 ? 12 : 3));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} threads={1} N={2} D={3} K={4}")
  @MethodSource("cases")
  void equalsTheWrappedBackendBitForBit(String backend, int threads, int n, int d, int k) {
    Kernels base = KernelTestSupport.backendOrSkip(backend);
    MixtureKernels ref = base.mixture();
    assertThat(ParallelKernels.of(base, threads).mixture())
        .isInstanceOf(ParallelMixtureKernels.class);
    MixtureKernels par = new ParallelMixtureKernels(ref, threads, 0); // split even small calls
    SplittableRandom rnd = new SplittableRandom(31L * n + 7L * threads + d);
    double[] x = KernelTestSupport.uniform(rnd, n, d);
    double[] means = KernelTestSupport.uniform(rnd, k, d);
    double[] chols = KernelTestSupport.lowerFactors(rnd, k, d);
    double[] stds = KernelTestSupport.stds(rnd, k, d);
    double[] logw = KernelTestSupport.uniform(rnd, 1, k);

    double[] comp = run(n * k, o -> ref.componentLogDensities(x, n, d, means, chols, k, o));
    assertThat(run(n * k, o -> par.componentLogDensities(x, n, d, means, chols, k, o)))
        .containsExactly(comp);
    double[] diag = run(n * k, o -> ref.componentLogDensitiesDiag(x, n, d, means, stds, k, o));
    assertThat(run(n * k, o -> par.componentLogDensitiesDiag(x, n, d, means, stds, k, o)))
        .containsExactly(diag);
    double[] mix = run(n, o -> ref.mixtureLogDensity(comp, logw, n, k, o));
    assertThat(run(n, o -> par.mixtureLogDensity(comp, logw, n, k, o))).containsExactly(mix);
    double[] resp = run(n * k, o -> ref.logResponsibilities(comp, logw, mix, n, k, o));
    assertThat(run(n * k, o -> par.logResponsibilities(comp, logw, mix, n, k, o)))
        .containsExactly(resp);
    double[] score = run(n * d, o -> ref.mixtureScore(x, n, d, means, chols, k, resp, o));
    assertThat(run(n * d, o -> par.mixtureScore(x, n, d, means, chols, k, resp, o)))
        .containsExactly(score);
    double[] sdiag = run(n * d, o -> ref.mixtureScoreDiag(x, n, d, means, stds, k, resp, o));
    assertThat(run(n * d, o -> par.mixtureScoreDiag(x, n, d, means, stds, k, resp, o)))
        .containsExactly(sdiag);
  }

  private interface Call {
    void into(double[] out);
  }

  /** Runs a kernel into a fresh array with a sentinel tail, and checks the tail is untouched. */
  private static double[] run(int len, Call c) {
    double[] out = new double[len + 3];
    java.util.Arrays.fill(out, len, len + 3, 42.0);
    c.into(out);
    assertThat(java.util.Arrays.copyOfRange(out, len, len + 3)).containsOnly(42.0);
    return java.util.Arrays.copyOf(out, len);
  }

  @Test
  void checksArgumentsBeforeSplittingAndUnwrapsForOneThread() {
    Kernels base = KernelTestSupport.backendOrSkip("scalar");
    MixtureKernels par = ParallelKernels.of(base, 4).mixture();
    assertThatThrownBy(() -> par.componentLogDensities(new double[10], 1000, 31, new double[31],
        new double[961], 1, new double[1000])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x");
    assertThat(ParallelKernels.of(ParallelKernels.of(base, 4), 1)).isSameAs(base);
    assertThat(ParallelKernels.of(base, 4).name()).isEqualTo(base.name());
    assertThatThrownBy(() -> ParallelKernels.of(base, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
  }
}
