package org.gmmvi.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.io.DataDirectory;
import org.junit.jupiter.api.Test;

/** The paper's wall-clock budgets from PAPER-RESULTS.md and the evaluation file. */
class PaperBudgetTest {

  @Test
  void parsesTheTableAndTheEvaluationFileFormats() {
    PaperBudget a = PaperBudget.parse("8 h, 5 cores", -1).orElseThrow();
    assertThat(a.limit()).isEqualTo(Duration.ofHours(8));
    assertThat(a.cores()).isEqualTo(5);
    PaperBudget b = PaperBudget.parse("30min", 4).orElseThrow();
    assertThat(b.limit()).isEqualTo(Duration.ofMinutes(30));
    assertThat(b.cores()).isEqualTo(4);
    assertThat(b.text()).isEqualTo("30min, 4 cores");
    assertThat(PaperBudget.parse("unknown", 1)).isEmpty();
  }

  @Test
  void everyExperimentThreeProblemHasOne() {
    DataDirectory data = DataDirectory.resolve(null);
    // PAPER-RESULTS.md: GMM20 30 min on 4 cores; BreastCancer 2 h on 5; STM20 only in the
    // evaluation file (2h, 4 cores)
    assertThat(PaperBudget.of(Problems.get("gmm20"), data).orElseThrow())
        .isEqualTo(new PaperBudget(Duration.ofMinutes(30), 4, "30 min, 4 cores"));
    assertThat(PaperBudget.of(Problems.get("breast_cancer"), data).orElseThrow().limit())
        .isEqualTo(Duration.ofHours(2));
    PaperBudget stm20 = PaperBudget.of(Problems.get("stm20"), data).orElseThrow();
    assertThat(stm20.limit()).isEqualTo(Duration.ofHours(2));
    assertThat(stm20.cores()).isEqualTo(4);
  }
}
