package org.gmmvi.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.cli.run.RegistryProblem;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.io.DataDirectory;
import org.junit.jupiter.api.Test;

/** The memory and disk model of {@link ResourceEstimate}. */
class ResourceEstimateTest {

  private static RegistryProblem problem(String name) {
    return new RegistryProblem(Problems.get(name), DataDirectory.resolve(null));
  }

  @Test
  void databaseTermFollowsTheEvaluationsUpToTheDatabaseLimit() {
    RegistryProblem gmm20 = problem("gmm20"); // SAMTRON: max_database_size 10^7, D = 20
    ResourceEstimate small = ResourceEstimate.of(gmm20, "SAMTRON", 1_000_000, 0, 1);
    ResourceEstimate large = ResourceEstimate.of(gmm20, "SAMTRON", 2_000_000, 0, 1);
    assertThat(small.samples()).isEqualTo(1_000_000);
    // doubling the evaluations adds 1.3 * 3 * 10^6 * (8*20 + 12) bytes = 671 MB (± rounding)
    long grown = large.heapBytes() - small.heapBytes();
    assertThat(grown).isBetween(671_000_000L - (64L << 20), 671_000_000L + (64L << 20));
    ResourceEstimate unbounded = ResourceEstimate.of(gmm20, "SAMTRON", Long.MAX_VALUE, 0, 1);
    assertThat(unbounded.samples()).isEqualTo(10_000_000 + 10_000_000 / 8);
    // STM300 SAMTRON keeps at most 10^5 samples: evaluations beyond do not matter
    RegistryProblem stm = problem("stm300");
    assertThat(ResourceEstimate.of(stm, "SAMTRON", 10_000_000, 0, 1))
        .isEqualTo(ResourceEstimate.of(stm, "SAMTRON", 100_000_000, 0, 1));
  }

  @Test
  void diskHoldsTwoCheckpointsAndProcessAddsNonHeap() {
    ResourceEstimate e = ResourceEstimate.of(problem("german_credit"), "ZAMTRUX", 50_000, 0, 1);
    assertThat(e.processBytes() - e.heapBytes()).isEqualTo(ResourceEstimate.NON_HEAP_BYTES);
    assertThat(e.diskBytes()).isGreaterThanOrEqualTo(2 * 50_000L * (8 * 25 + 12));
    assertThat(e.heapBytes()).isGreaterThanOrEqualTo(256L << 20).isEqualTo(
        e.heapBytes() / (64L << 20) * (64L << 20));
  }

  @Test
  void moreRegressionOfStm300NeedsTensOfGigabytesPerThread() {
    // ZAMTRUX on STM300: P = 301*302/2 = 45,451 features, two P x P matrices = 33 GB per thread
    ResourceEstimate one = ResourceEstimate.of(problem("stm300"), "ZAMTRUX", 100_000, 0, 1);
    ResourceEstimate two = ResourceEstimate.of(problem("stm300"), "ZAMTRUX", 100_000, 0, 2);
    long p = 45_451;
    assertThat(one.heapBytes()).isGreaterThan(2 * p * p * 8);
    assertThat(two.heapBytes() - one.heapBytes()).isGreaterThan((long) (1.3 * 2 * p * p * 8)
        - (64L << 20));
  }

  @Test
  void parsesSizes() {
    assertThat(ResourceEstimate.parseSize("8G")).isEqualTo(8L << 30);
    assertThat(ResourceEstimate.parseSize("500M")).isEqualTo(500L << 20);
    assertThat(ResourceEstimate.parseSize("2048")).isEqualTo(2048L << 20);
    assertThat(ResourceEstimate.parseSize("1.5g")).isEqualTo(3L << 29);
    assertThatThrownBy(() -> ResourceEstimate.parseSize("lots"))
        .hasMessageContaining("not a memory size: 'lots'");
  }
}
