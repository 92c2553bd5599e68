package org.gmmvi.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.kernels.auto.AutoKernels;
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
    Kernels k = KernelProvider.get();
    System.out.println("GMMVI_KERNELS_BACKEND_RAN=" + k.name() + " requested=" + requested);
    assertThat(k.name()).isEqualTo(requested);
    if (k instanceof AutoKernels auto) {
      assertThat(auto.describe()).contains("dense:").contains("mixture:").contains("ng:");
    }
  }

  @Test
  void namedBackendsReportTheirName() {
    for (String name : new String[] {"scalar", "panama", "openblas", "auto"}) {
      if (KernelProvider.isAvailable(name)) {
        assertThat(KernelProvider.create(name).name()).isEqualTo(name);
      }
    }
  }

  @Test
  void unknownBackendIsRejectedWithTheAllowedNames() {
    assertThatThrownBy(() -> KernelProvider.create("cuda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kernel backend 'cuda'")
        .hasMessageContaining("scalar, panama, openblas, auto");
  }
}
