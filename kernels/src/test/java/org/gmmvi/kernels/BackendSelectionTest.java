package org.gmmvi.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.kernels.auto.AutoKernels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The backend that actually runs is the one requested with {@code -Dgmmvi.kernels.backend}
 * (surefire passes it through). Prints a marker line that {@code ci/ci-stages.sh} greps to assert
 * which backend each per-backend test run used.
 */
class BackendSelectionTest {

  @Test
  void processWideBackendIsTheRequestedOne() {
    String requested = KernelProvider.requested();
    // openblas is an optional module: the kernels module alone does not have it, and
    // kernels-openblas runs this test again with it on the class path.
    Assumptions.assumeTrue(KernelProvider.isAvailable(requested), () -> "backend " + requested
        + " is not on this module's class path");
    Kernels k = KernelProvider.get();
    System.out.println("GMMVI_KERNELS_BACKEND_RAN=" + k.name() + " requested=" + requested);
    assertThat(k.name()).isEqualTo(requested);
    if (k instanceof AutoKernels auto) {
      assertThat(auto.describe()).contains("dense:").contains("mixture:").contains("ng:");
    }
  }

  @Test
  void namedBackendsReportTheirName() {
    for (String name : Backend.names()) {
      if (KernelProvider.isAvailable(name)) {
        assertThat(KernelProvider.create(name).name()).isEqualTo(name);
      }
    }
  }

  @Test
  void forcedOpenBlasWithoutItsModuleIsAClearError() {
    Assumptions.assumeFalse(KernelProvider.isAvailable("openblas"), "openblas is on the class path");
    assertThatThrownBy(() -> KernelProvider.create("openblas"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kernel backend 'openblas' was requested but cannot load")
        .hasMessageContaining("gmmvi-kernels-openblas is not on the class path");
    assertThat(KernelProvider.create("auto").name()).isEqualTo("auto");
  }

  @Test
  void unknownBackendIsRejectedWithTheAllowedNames() {
    assertThatThrownBy(() -> KernelProvider.create("cuda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kernel backend 'cuda'")
        .hasMessageContaining("scalar, panama, openblas, auto");
  }

  @Test
  void registryNamesEveryBackendOnceAndParsesLeniently() {
    assertThat(Backend.names()).containsExactly("scalar", "panama", "openblas", "auto");
    assertThat(Backend.nonReferenceNames()).containsExactly("panama", "openblas", "auto");
    assertThat(Backend.of(" OpenBLAS ")).isEqualTo(Backend.OPENBLAS);
    for (Backend b : Backend.values()) {
      assertThat(b.description()).isNotBlank();
    }
  }
}
