package org.gmmvi.problems.numpy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.io.NumericTable;
import org.junit.jupiter.api.Test;

/**
 * The numpy legacy-generator port against {@code testvectors/numpy_legacy_rng.json} (draws of
 * numpy itself) and against the shipped GMM/STM targets (PROBLEMS.md §7).
 */
class NumpyLegacyRandomTest {

  @Test
  void rawOutputsMatchNumpyForSeed10000() {
    JsonNode root = TestData.json("testvectors/numpy_legacy_rng.json");
    JsonNode raw = root.get("mt19937_first_8_uint32_seed_10000");
    NumpyLegacyRandom rng = new NumpyLegacyRandom(10000);
    for (int i = 0; i < raw.size(); i++) {
      assertThat(rng.nextUint32()).as("output %d", i).isEqualTo(raw.get(i).asLong());
    }
  }

  @Test
  void uniformNormalAndMixedSequencesMatchNumpyBitForBit() {
    JsonNode root = TestData.json("testvectors/numpy_legacy_rng.json");
    for (JsonNode c : root.get("cases")) {
      long seed = c.get("seed").asLong();
      NumpyLegacyRandom u = new NumpyLegacyRandom(seed);
      for (double expected : TestData.doubles(c.get("first_6_random_sample"))) {
        assertThat(u.randomSample()).as("seed %d uniform", seed).isEqualTo(expected);
      }
      NumpyLegacyRandom g = new NumpyLegacyRandom(seed);
      for (double expected : TestData.doubles(c.get("first_6_standard_normal"))) {
        assertThat(g.standardNormal()).as("seed %d normal", seed).isEqualTo(expected);
      }
      NumpyLegacyRandom m = new NumpyLegacyRandom(seed);
      double[] seq = TestData.doubles(c.get("sequence_random_normal_normal_random_normal"));
      double[] got = {m.randomSample(), m.standardNormal(), m.standardNormal(), m.randomSample(),
          m.standardNormal()};
      assertThat(got).as("seed %d mixed sequence", seed).containsExactly(seq);
    }
  }

  @Test
  void rejectsSeedsOutsideNumpysRange() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NumpyLegacyRandom(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^32");
  }

  @Test
  void gmm20RecipeRegeneratesTheShippedSeed10000FilesExactly() {
    NumpyTargetRecipes.MixtureParameters p = NumpyTargetRecipes.gmm(10000, 20);
    NumericTable means = TestData.csv("targets/gmm20/seed10000/means.csv").requireShape(10, 20);
    NumericTable covs = TestData.csv("targets/gmm20/seed10000/covs.csv").requireShape(200, 20);
    NumericTable weights = TestData.csv("targets/gmm20/seed10000/weights.csv").requireShape(10, 1);
    assertThat(p.means()).containsExactly(means.data());
    assertThat(p.weights()).containsExactly(weights.data());
    assertThat(p.matrices()).containsExactly(covs.data());
  }

  @Test
  void stm20RecipeRegeneratesTheShippedPrecisionsAndSubstituteLocationsExactly() {
    for (int r : new int[] {0, 3}) {
      String dir = "targets/stm20/seed" + (10000 + r) + "/";
      double[] prec = NumpyTargetRecipes.stmPrecisions(10000 + r, 20, 10);
      assertThat(prec).containsExactly(TestData.csv(dir + "precisions.csv").data());
      double[] loc = NumpyTargetRecipes.substituteLocations(r, 20, 10, 20.0);
      assertThat(loc).containsExactly(TestData.csv(dir + "means.csv").data());
    }
  }
}
