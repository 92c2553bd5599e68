package org.gmmvi.core.ngestimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleBatch;
import org.junit.jupiter.api.Test;

/** §4 "Work per component": components in parallel blocks give bit-identical estimates. */
class ParallelEstimationTest {

  private static final int K = 7;
  private static final int D = 4;
  private static final int N = 300;

  private static GmmModel randomModel(boolean diagonal, Rng rng) {
    double[] logw = new double[K];
    double[] means = new double[K * D];
    double[] chols = new double[K * (diagonal ? D : D * D)];
    for (int o = 0; o < K; o++) {
      logw[o] = rng.nextGaussian();
      for (int i = 0; i < D; i++) {
        means[o * D + i] = 2 * rng.nextGaussian();
        if (diagonal) {
          chols[o * D + i] = 0.5 + rng.nextDouble();
        } else {
          for (int j = 0; j < i; j++) {
            chols[o * D * D + i * D + j] = 0.3 * rng.nextGaussian();
          }
          chols[o * D * D + i * D + i] = 0.5 + rng.nextDouble();
        }
      }
    }
    return diagonal ? GmmModel.diagonal(logw, means, chols, D) : GmmModel.full(logw, means, chols, D);
  }

  /** A batch drawn from the model itself, with a quartic target (not quadratic, so MORE is inexact). */
  private static SampleBatch batch(GmmModel m, Rng rng) {
    double[] x = new double[N * D];
    int[] comp = new int[N];
    m.sample(N, rng, x, comp);
    double[] logp = new double[N];
    double[] grad = new double[N * D];
    for (int n = 0; n < N; n++) {
      double s = 0;
      for (int i = 0; i < D; i++) {
        double v = x[n * D + i];
        s += -0.5 * v * v - 0.01 * v * v * v * v;
        grad[n * D + i] = -v - 0.04 * v * v * v;
      }
      logp[n] = s;
    }
    return new SampleBatch(N, D, x, comp, m.logDensity(x, N), logp, grad);
  }

  @Test
  void parallelBlocksAreBitIdenticalToSequential() {
    for (boolean diagonal : new boolean[] {false, true}) {
      Rng rng = new Rng(diagonal ? 2 : 1);
      GmmModel m = randomModel(diagonal, rng);
      SampleBatch b = batch(m, rng);
      ComponentBookkeeping book = new ComponentBookkeeping(K, 2, 1, 1e-6);
      for (boolean own : new boolean[] {false, true}) {
        for (boolean snis : new boolean[] {false, true}) {
          AbstractNgEstimator<?>[] seq = {new SteinNgEstimator(own, snis),
              diagonal ? null : new MoreNgEstimator(own, snis, 1e-6)};
          AbstractNgEstimator<?>[] par = {new SteinNgEstimator(own, snis),
              diagonal ? null : new MoreNgEstimator(own, snis, 1e-6)};
          for (int e = 0; e < 2; e++) {
            if (seq[e] == null) {
              continue;
            }
            par[e].setParallelism(3);
            NgEstimate a = seq[e].estimate(m, book, b);
            NgEstimate c = par[e].estimate(m, book, b);
            NgEstimate c2 = par[e].estimate(m, book, b);
            String what = seq[e].getClass().getSimpleName() + " own=" + own + " snis=" + snis;
            assertThat(c.rneg()).as(what).containsExactly(a.rneg());
            assertThat(c.gneg()).as(what).containsExactly(a.gneg());
            assertThat(c2.rneg()).as(what + " (reused workspaces)").containsExactly(a.rneg());
            for (double v : a.rneg()) {
              assertThat(v).as(what).isFinite();
            }
          }
        }
      }
    }
  }

  @Test
  void rejectsNonPositiveParallelism() {
    assertThatThrownBy(() -> new SteinNgEstimator().setParallelism(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
  }
}
