package org.gmmvi.problems.talos;

import static org.assertj.core.api.Assertions.assertThat;

import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.AbstractProblemTest;
import org.gmmvi.problems.Problem;
import org.gmmvi.problems.Problems;
import org.junit.jupiter.api.Test;

/** The shared problem checks for {@code talos} (§4.8 test vectors). */
class TalosProblemTest extends AbstractProblemTest {

  @Override
  protected Problem problem() {
    return Problems.get("talos");
  }

  @Override
  protected String testVectorFile() {
    return "testvectors/talos_context_0.1_0.5_1.0.csv";
  }

  /** Poses around the nominal stance (base at height 1.08), where all terms are moderate. */
  @Override
  protected double[] randomPoints(Rng rng, int n) {
    double[] x = new double[n * 34];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 34; j++) {
        x[i * 34 + j] = 0.05 * rng.nextGaussian();
      }
      x[i * 34 + 30] += 1.08;
    }
    return x;
  }

  @Override
  protected double finiteDifferenceStep() {
    return 1e-6;
  }

  @Override
  protected double finiteDifferenceTolerance() {
    return 1e-5;
  }

  @Test
  void metricsHookReportsTheEntropyEstimate() {
    var inst = problem().instantiate(10000, data());
    double[] logQ = {-1.0, -3.0};
    assertThat(inst.metrics().evaluate(new double[68], 2, logQ, new double[34], 1))
        .containsEntry("entropy", 2.0);
  }
}
