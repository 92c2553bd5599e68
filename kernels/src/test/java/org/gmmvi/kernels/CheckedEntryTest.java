package org.gmmvi.kernels;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.kernels.testing.KernelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Misuse gets an {@link IllegalArgumentException} naming the argument, for every backend (the
 * checks live once, in the {@code Abstract*Kernels} entries, and auto delegates to them).
 */
class CheckedEntryTest {

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void denseRejectsBadInput(String backend) {
    DenseKernels dk = KernelTestSupport.backendOrSkip(backend).dense();
    assertThatThrownBy(() -> dk.cholesky(new double[4], 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 0, got -1");
    assertThatThrownBy(() -> dk.cholesky(new double[8], 0, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is too short");
    assertThatThrownBy(() -> dk.cholesky(new double[9], 1, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from offset 1");
    assertThatThrownBy(() -> dk.cholesky(null, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a must not be null");
    assertThatThrownBy(() -> dk.solveLowerRows(new double[4], 0, 2, new double[5], 0, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b is too short");
    assertThatThrownBy(() -> dk.gemm(false, false, 2, 2, 2, 1, new double[4], 0, new double[4],
        -1, 0, new double[4], 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b offset must be >= 0");
    double[] same = new double[4];
    assertThatThrownBy(() -> dk.invertLower(same, 0, 2, same, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same array");
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void mixtureRejectsBadInput(String backend) {
    MixtureKernels mk = KernelTestSupport.backendOrSkip(backend).mixture();
    assertThatThrownBy(() -> mk.componentLogDensities(new double[6], 3, 2, new double[2],
        new double[3], 1, new double[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chols is too short");
    assertThatThrownBy(() -> mk.componentLogDensities(new double[6], -3, 2, new double[2],
        new double[4], 1, new double[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n (samples) must be >= 0");
    assertThatThrownBy(() -> mk.mixtureLogDensity(new double[6], new double[1], 3, 2,
        new double[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logw is too short");
    assertThatThrownBy(() -> mk.mixtureScore(new double[6], 3, 2, new double[2], new double[4],
        1, new double[3], new double[5])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out is too short");
  }

  @ParameterizedTest
  @MethodSource("org.gmmvi.kernels.testing.KernelTestSupport#backendNames")
  void ngRejectsBadInput(String backend) {
    NgKernels ng = KernelTestSupport.backendOrSkip(backend).ng();
    assertThatThrownBy(() -> ng.weightedOuter(new double[2], new double[4], new double[3], 2, 2,
        new double[4])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("h is too short");
    assertThatThrownBy(() -> ng.weightedGram(new double[2], new double[4], 2, -2,
        new double[4])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p must be >= 0");
  }
}
