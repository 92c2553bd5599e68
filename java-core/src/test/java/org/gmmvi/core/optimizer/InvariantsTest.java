package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.core.sample.SampleDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invariants over a run with component adaptation (ALGORITHM.md §5.6 items 20–22). */
class InvariantsTest {

  @ParameterizedTest
  @CsvSource({"SAMTRON, false", "SAMTRON, true", "ZAMTRUX, false", "SAPYRUN, true"})
  void invariantsHoldEveryIteration(String cw, boolean diagonal) {
    String yaml = MultiModalTest.YAML.replace("initial_cov: 36.0}",
        "initial_cov: 36.0, use_diagonal_covs: " + diagonal + "}")
        + "max_database_size: 3000\n"
        + (cw.equals("SAPYRUN") ? "component_stepsize_adapter_config: {initial_stepsize: 0.05}\n"
        : "");
    try (GmmviOptimizer opt = GmmviOptimizer.builder().codeword(cw).yaml(yaml)
        .target(TestTargets.mixture(MultiModalTest.fourModes())).seed(5).threads(1).build()) {
      int added = 0;
      for (int it = 0; it < 30; it++) {
        Map<Long, Double> updatesBefore = numUpdatesById(opt.bookkeeping());
        IterationRecord r = opt.step();
        GmmModel m = opt.model();
        ComponentBookkeeping b = opt.bookkeeping();
        int k = m.numComponents();
        // item 21: every bookkeeping array keeps length K
        assertThat(b.size()).isEqualTo(k);
        assertThat(b.stepsizes()).hasSize(k);
        // item 20 and §5.3 item 10: normalised weights above the floor, PD factors
        double s = 0;
        for (int o = 0; o < k; o++) {
          s += Math.exp(m.logWeight(o));
          assertThat(m.logWeight(o)).isGreaterThanOrEqualTo(-69.07 - 1e-12);
          double[] l = m.chol(o);
          for (int i = 0; i < 2; i++) {
            double diag = diagonal ? l[i] : l[i * 2 + i];
            assertThat(diag).isPositive().isFinite();
          }
        }
        assertThat(s).isCloseTo(1, within(1e-12));
        // item 20: numUpdates increases by exactly 1 per iteration for every component
        for (int o = 0; o < k; o++) {
          Double before = updatesBefore.get(b.uniqueId(o));
          assertThat(b.numUpdates(o)).isEqualTo(before == null ? 0.0 : before + 1);
        }
        // item 21: an added component starts at weight 1e-29 / (1 + 1e-29)
        if (r.componentsAdded() > 0) {
          added++;
          assertThat(Math.exp(m.logWeight(k - 1)) / (1e-29 / (1 + 1e-29)))
              .isCloseTo(1, within(1e-9));
          assertThat(b.numUpdates(k - 1)).isZero();
        }
        // item 22: the mapping indexes existing Gaussians; backgrounds are finite
        SampleDatabase db = opt.database();
        SampleDatabase.Snapshot snap = db.snapshot();
        for (int g : snap.mapping()) {
          assertThat(g).isBetween(0, snap.numGaussians() - 1);
        }
        if (it % 10 == 9) {
          // every window a selector can request is served (the rest of the Gaussians is released)
          assertThat(db.reachableSize()).isGreaterThanOrEqualTo(Math.min(db.size(),
              r.numSamplesUsed()));
          SampleBatch all = db.newest(db.reachableSize());
          for (int i = 0; i < all.n(); i++) {
            assertThat(all.logQbg()[i]).isFinite();
          }
        }
        assertThat(r.numComponents()).isEqualTo(k);
        assertThat(r.targetEvaluations()).isEqualTo(opt.numTargetEvaluations());
      }
      assertThat(added).isGreaterThan(0);
    }
  }

  static Map<Long, Double> numUpdatesById(ComponentBookkeeping b) {
    Map<Long, Double> m = new HashMap<>();
    for (int o = 0; o < b.size(); o++) {
      m.put(b.uniqueId(o), b.numUpdates(o));
    }
    return m;
  }
}
