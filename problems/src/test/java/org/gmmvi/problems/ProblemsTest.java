package org.gmmvi.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The registry of PROBLEMS.md §2. */
class ProblemsTest {

  @Test
  void registersThePapersNames() {
    assertThat(Problems.names()).contains("gmm20", "gmm100", "stm20", "stm300", "planar_robot_4",
        "planar_robot_1", "breast_cancer", "breast_cancer_mb", "german_credit",
        "german_credit_mb", "breast_cancer_testsplit", "german_credit_testsplit");
    assertThat(Problems.get("GMM20")).isSameAs(Problems.get("gmm20"));
    assertThat(Problems.get("planar-robot-4")).isSameAs(Problems.get("planar_robot_4"));
  }

  @Test
  void dimensionsMatchTheOverviewTable() {
    assertThat(Problems.get("breast_cancer").dimension()).isEqualTo(31);
    assertThat(Problems.get("german_credit_mb").dimension()).isEqualTo(25);
    assertThat(Problems.get("planar_robot_4").dimension()).isEqualTo(10);
    assertThat(Problems.get("gmm100").dimension()).isEqualTo(100);
    assertThat(Problems.get("stm300").dimension()).isEqualTo(300);
  }

  @Test
  void unknownNamesListTheValidNamesAndSuggestTheClosest() {
    assertThatThrownBy(() -> Problems.get("gmm2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown problem 'gmm2'")
        .hasMessageContaining("did you mean 'gmm20'")
        .hasMessageContaining("stm300");
    assertThatThrownBy(() -> Problems.get("breast_cancr_mb"))
        .hasMessageContaining("did you mean 'breast_cancer_mb'");
    assertThatThrownBy(() -> Problems.get("zzzzzzzzzzzzzzzzzzzzz"))
        .hasMessageNotContaining("did you mean").hasMessageContaining("valid names");
  }

  @Test
  void registerRejectsDuplicatesAndBadNames() {
    Problem gmm = Problems.get("gmm20");
    assertThatThrownBy(() -> Problems.register(gmm)).hasMessageContaining("already registered");
  }

  @Test
  void editDistanceIsLevenshtein() {
    assertThat(Problems.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(Problems.editDistance("", "abc")).isEqualTo(3);
    assertThat(Problems.editDistance("stm20", "stm20")).isZero();
  }
}
