package org.gmmvi.problems.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.io.NumericTable;
import org.junit.jupiter.api.Test;

/**
 * MMD of PROBLEMS.md §5.3 against {@code testvectors/mmd_reference_values.json}: bandwidths,
 * constant term and the three example MMDs of every ground-truth file.
 */
class MmdTest {

  private static final Map<String, Integer> DIMS = Map.of("breast_cancer", 31, "german_credit", 25,
      "planar_robot_4goal_constructed", 10, "planar_robot_1goal", 10);

  @Test
  void reproducesTheReferenceValuesOfEveryGroundTruthFile() {
    JsonNode root = TestData.json("testvectors/mmd_reference_values.json");
    for (var e : DIMS.entrySet()) {
      JsonNode ref = root.get(e.getKey());
      int d = e.getValue();
      NumericTable gt = TestData.csv("groundtruth/" + ref.get("file").asText())
          .requireShape(ref.get("num_groundtruth").asInt(), d);
      long start = System.nanoTime();
      // The cached evaluator of the problems' metrics hooks (built from the same file).
      Mmd mmd = GroundTruth.mmd(TestData.dir(), "groundtruth/" + ref.get("file").asText(), d,
          ref.get("alpha").asDouble());
      long built = System.nanoTime();
      double[] sigma = TestData.doubles(ref.get("sigma_diag"));
      double[] got = mmd.sigmaDiag();
      for (int j = 0; j < d; j++) {
        assertThat(got[j]).as("%s sigma %d", e.getKey(), j).isEqualTo(sigma[j]);
      }
      double term = ref.get("term_gt_gt").asDouble();
      assertThat(mmd.termGroundTruth()).as("%s constant term", e.getKey())
          .isCloseTo(term, within(1e-12 * term));
      JsonNode ex = ref.get("examples");
      int n = gt.rows();
      double[] first = Arrays.copyOf(gt.data(), 2000 * d);
      double[] shifted = first.clone();
      for (int i = 0; i < shifted.length; i++) {
        shifted[i] += 0.5;
      }
      double[] last = Arrays.copyOfRange(gt.data(), (n - 2000) * d, n * d);
      double[][] samples = {first, shifted, last};
      for (int k = 0; k < 3; k++) {
        Mmd.Result r = mmd.compute(samples[k], 2000);
        JsonNode x = ex.get(k);
        assertThat(r.termModel()).isCloseTo(x.get("term_model_model").asDouble(),
            within(1e-12));
        assertThat(r.termCross()).isCloseTo(x.get("term_cross").asDouble(), within(1e-12));
        double expected = x.get("mmd").asDouble();
        assertThat(r.mmd()).as("%s example %d (%s)", e.getKey(), k,
            x.get("model_sample").asText()).isCloseTo(expected, within(1e-9 * expected));
      }
      long done = System.nanoTime();
      System.out.printf("MMD %s: N=%d D=%d, evaluator (cached) %.0f ms, 3 MMDs of 2000 samples %.0f ms"
          + " (backend: %s)%n", e.getKey(), n, d, (built - start) / 1e6, (done - built) / 1e6,
          mmd.backend());
    }
  }

  @Test
  void bandwidthUsesThePairsIncludingSelfPairsAndTheHalfEvenIndex() {
    // Three 1-D points 0, 1, 3: pairs i <= j give squared differences {0, 0, 0, 1, 9, 4};
    // 6 pairs, index round_half_even(2.5) = 2 -> sorted {0,0,0,1,4,9}[2] = 0.
    double[] g = {0, 1, 3};
    assertThat(Mmd.medianBandwidth(g, 3, 1)).containsExactly(0.0);
    // Four points 0, 1, 3, 7: 10 pairs, index round_half_even(4.5) = 4;
    // values {0 x4, 1, 9, 49, 4, 36, 16} sorted {0,0,0,0,1,4,9,16,36,49} -> 1.
    assertThat(Mmd.medianBandwidth(new double[] {0, 1, 3, 7}, 4, 1)).containsExactly(1.0);
  }

  @Test
  void isZeroForIdenticalSetsAndMatchesABruteForceComputation() {
    Rng rng = new Rng(8);
    int n = 60;
    int m = 40;
    int d = 3;
    double[] g = new double[n * d];
    double[] y = new double[m * d];
    rng.fillGaussian(g, 0, g.length);
    rng.fillGaussian(y, 0, y.length);
    for (int i = 0; i < y.length; i++) {
      y[i] += 0.3;
    }
    Mmd mmd = new Mmd(g, n, d, 2.0);
    assertThat(mmd.compute(g, n).mmd()).isCloseTo(0.0, within(1e-15));
    double[] s = mmd.sigmaDiag();
    double gg = 0;
    double yy = 0;
    double gy = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        gg += kernel(g, i, g, j, s, d, 2.0);
      }
      for (int j = 0; j < m; j++) {
        gy += kernel(g, i, y, j, s, d, 2.0);
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        yy += kernel(y, i, y, j, s, d, 2.0);
      }
    }
    double expected = gg / (n * n) + yy / (m * m) - 2 * gy / (n * m);
    assertThat(mmd.compute(y, m).mmd()).isCloseTo(expected, within(1e-14));
    assertThat(expected).isPositive();
  }

  private static double kernel(double[] a, int i, double[] b, int j, double[] s, int d,
      double alpha) {
    double q = 0;
    for (int k = 0; k < d; k++) {
      double t = a[i * d + k] - b[j * d + k];
      q += t * t / (alpha * s[k]);
    }
    return Math.exp(-q);
  }

  @Test
  void selectFindsTheKthSmallest() {
    Rng rng = new Rng(2);
    for (int trial = 0; trial < 20; trial++) {
      double[] a = new double[1 + rng.nextInt(200)];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextInt(10); // many ties
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = rng.nextInt(a.length);
      assertThat(Mmd.select(a.clone(), k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new Mmd(new double[4], 2, 2, 0.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Mmd(new double[4], 2, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bandwidth");
    Mmd ok = new Mmd(new double[] {0, 1, 2, 3, 5, 7, 11, 13, 17, 19}, 5, 2, 1.0);
    assertThatThrownBy(() -> ok.compute(new double[3], 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M x 2");
  }
}
