package org.gmmvi.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gmmvi.kernels.scalar.ScalarKernels;
import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row-range variants of {@link MixtureKernels}: rows {@code [row0, row0 + n)} of a batch give
 * bit for bit what a call on copies of those rows gives (the parallel decorator relies on it), and
 * no other row of the output is touched.
 */
class MixtureKernelsRowRangeTest {

  private static final int D = 7;
  private static final int K = 3;
  private static final int N = 150;

  private interface Call {
    /** Runs one kernel on rows {@code [row0, row0 + n)} of the given per-sample arrays. */
    void run(MixtureKernels m, double[] x, double[] comp, double[] mix, double[] out, int row0,
        int n);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void everyKernelOnARowRangeEqualsTheCallOnCopies(String backend) {
    MixtureKernels mk = KernelTestSupport.backendOrSkip(backend).mixture();
    SplittableRandom rnd = new SplittableRandom(59);
    double[] x = KernelTestSupport.uniform(rnd, N, D);
    double[] means = KernelTestSupport.uniform(rnd, K, D);
    double[] chols = KernelTestSupport.lowerFactors(rnd, K, D);
    double[] stds = KernelTestSupport.stds(rnd, K, D);
    double[] logw = {Math.log(0.2), Math.log(0.3), Math.log(0.5)};
    double[] comp = new double[N * K];
    mk.componentLogDensities(x, N, D, means, chols, K, comp);
    double[] mix = new double[N];
    mk.mixtureLogDensity(comp, logw, N, K, mix);
    check(mk, x, comp, mix, K, "componentLogDensities",
        (m, xs, c, q, o, r, n) -> m.componentLogDensities(xs, r, n, D, means, chols, K, o));
    check(mk, x, comp, mix, K, "componentLogDensitiesDiag",
        (m, xs, c, q, o, r, n) -> m.componentLogDensitiesDiag(xs, r, n, D, means, stds, K, o));
    check(mk, x, comp, mix, 1, "mixtureLogDensity",
        (m, xs, c, q, o, r, n) -> m.mixtureLogDensity(c, r, logw, n, K, o));
    check(mk, x, comp, mix, K, "logResponsibilities",
        (m, xs, c, q, o, r, n) -> m.logResponsibilities(c, r, logw, q, n, K, o));
    double[] logResp = new double[N * K];
    mk.logResponsibilities(comp, logw, mix, N, K, logResp);
    check(mk, x, logResp, mix, D, "mixtureScore",
        (m, xs, c, q, o, r, n) -> m.mixtureScore(xs, r, n, D, means, chols, K, c, o));
    check(mk, x, logResp, mix, D, "mixtureScoreDiag",
        (m, xs, c, q, o, r, n) -> m.mixtureScoreDiag(xs, r, n, D, means, stds, K, c, o));
  }

  /** Ranges inside the batch (tile remainders, a tile-aligned start, the tail) against copies. */
  private static void check(MixtureKernels mk, double[] x, double[] comp, double[] mix, int cols,
      String what, Call call) {
    for (int[] range : new int[][] {{0, N}, {64, 64}, {64, 86}, {5, 37}, {149, 1}, {7, 0}}) {
      int row0 = range[0];
      int n = range[1];
      double[] out = new double[N * cols];
      Arrays.fill(out, Double.NaN);
      call.run(mk, x, comp, mix, out, row0, n);
      double[] copyOut = new double[n * cols];
      call.run(mk, Arrays.copyOfRange(x, row0 * D, (row0 + n) * D),
          Arrays.copyOfRange(comp, row0 * K, (row0 + n) * K),
          Arrays.copyOfRange(mix, row0, row0 + n), copyOut, 0, n);
      String at = what + " rows [" + row0 + ", " + (row0 + n) + ")";
      assertThat(Arrays.copyOfRange(out, row0 * cols, (row0 + n) * cols)).as(at)
          .containsExactly(copyOut);
      for (int i = 0; i < N * cols; i++) {
        if (i < row0 * cols || i >= (row0 + n) * cols) {
          assertThat(out[i]).as("%s: entry %d outside the range", at, i).isNaN();
        }
      }
    }
  }

  @Test
  void aRangePastTheArraysIsRejected() {
    MixtureKernels mk = new ScalarKernels().mixture();
    double[] x = new double[10 * D];
    double[] out = new double[10 * K];
    double[] means = new double[K * D];
    double[] chols = new double[K * D * D];
    assertThatThrownBy(() -> mk.componentLogDensities(x, 8, 3, D, means, chols, K, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x is too short");
    assertThatThrownBy(() -> mk.componentLogDensities(x, -1, 3, D, means, chols, K, out))
        .hasMessageContaining("row0 (first row) must be >= 0");
  }
}
