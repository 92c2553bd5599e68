package org.gmmvi.problems.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.gmm.GmmProblem;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.numpy.NumpyTargetRecipes;
import org.gmmvi.problems.stm.StmProblem;
import org.gmmvi.problems.stm.StmTarget;
import org.junit.jupiter.api.Test;

/** Shipped target files versus the numpy recipes, and regeneration for unshipped seeds. */
class TargetFilesTest {

  /**
   * GMM100 draws 10·10⁴ normals, i.e. 50,000 logarithms in the polar method. numpy calls glibc's
   * {@code log}, which is not correctly rounded (on these arguments it differs from the correctly
   * rounded value in 43 of 50,000 cases, found with 60-digit decimal arithmetic), while Java's
   * {@code Math.log} is correctly rounded on all of them; each such case changes a pair of normals
   * by an ulp. The means are exact; the covariances agree to a few ulps in a small fraction of the
   * entries (GMM20 seed 10000 happens to hit no such case and is bit-exact, see
   * NumpyLegacyRandomTest).
   */
  @Test
  void gmm100Seed10000IsRegeneratedToTheUlpLevel() {
    var p = NumpyTargetRecipes.gmm(10000, 100);
    assertThat(p.means()).containsExactly(
        TestData.csv("targets/gmm100/seed10000/means.csv").data());
    double[] shipped = TestData.csv("targets/gmm100/seed10000/covs.csv.gz").data();
    int differ = 0;
    int d = 100;
    for (int i = 0; i < shipped.length; i++) {
      double ours = p.matrices()[i];
      if (ours != shipped[i]) {
        differ++;
        // relative to the size of the summands: |Σ_ab| <= sqrt(Σ_aa Σ_bb)
        int k = i / (d * d);
        int a = (i / d) % d;
        int b = i % d;
        double scale = Math.sqrt(shipped[k * d * d + a * d + a] * shipped[k * d * d + b * d + b]);
        assertThat(Math.abs(ours - shipped[i])).as("entry %d", i)
            .isLessThanOrEqualTo(1e-14 * scale);
      }
    }
    assertThat(differ).as("differing entries of %d", shipped.length)
        .isLessThan(shipped.length / 100);
  }

  @Test
  void stm300Seed10000IsRegeneratedExactlyAfterTheFloat32Rounding() {
    // Known, reported: under a forced panama backend, Vector API EXP and lane reductions give
    // different roundings in C2-compiled and in not-yet-compiled code, so two targets built from
    // identical inputs can evaluate differently (the test passes with -XX:TieredStopAtLevel=1).
    // That is a determinism issue of the backend, not of the regeneration checked here.
    assumeFalse(Backend.PANAMA.id().equals(KernelProvider.requested()),
        "panama evaluations depend on the JIT state (see comment)");
    StmProblem p = (StmProblem) Problems.get("stm300");
    DataDirectory data = TestData.dir();
    StmTarget shipped = p.target(10000, data);
    StmTarget regenerated = p.regenerate(10000);
    assertThat(regenerated.means()).containsExactly(shipped.means());
    int n = 20;
    double[] x = new double[n * 300];
    new org.gmmvi.core.random.Rng(1).fillGaussian(x, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      x[i] = 25 * x[i];
    }
    System.arraycopy(shipped.means(), 0, x, 0, 300);
    double[] a = new double[n];
    double[] b = new double[n];
    shipped.evaluate(x, n, a, null);
    regenerated.evaluate(x, n, b, null);
    assertThat(b).containsExactly(a);
  }

  @Test
  void unshippedSeedsAreRegeneratedAndDiffer() {
    DataDirectory data = TestData.dir();
    GmmProblem gmm = (GmmProblem) Problems.get("gmm20");
    assertThat(MixtureFiles.shipped(data, "gmm20", 10010)).isFalse();
    assertThat(gmm.target(10010, data).means()).isNotEqualTo(gmm.target(10000, data).means());
    StmProblem stm = (StmProblem) Problems.get("stm20");
    assertThat(stm.target(10012, data).means()).containsExactly(
        NumpyTargetRecipes.substituteLocations(12, 20, 10, 20.0));
    assertThatThrownBy(() -> stm.target(5, data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed 5").hasMessageContaining("10000 + r");
  }

  @Test
  void gmmTargetsNeedNoDataDirectory() {
    DataDirectory none = DataDirectory.of(java.nio.file.Path.of("/nonexistent/gmmvi-data"));
    var t = Problems.get("gmm20").create(10000, none);
    assertThat(((GmmProblem) Problems.get("gmm20")).target(10000, TestData.dir()).means())
        .containsExactly(((org.gmmvi.problems.gmm.GmmTarget) t).means());
  }
}
