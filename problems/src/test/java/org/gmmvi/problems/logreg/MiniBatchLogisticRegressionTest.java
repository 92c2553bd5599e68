package org.gmmvi.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.problems.ProblemInstance;
import org.gmmvi.problems.Problems;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.io.DataDirectory;
import org.junit.jupiter.api.Test;

/** The mini-batch targets of PROBLEMS.md §4.2. */
class MiniBatchLogisticRegressionTest {

  private static LogisticRegressionData data(LogisticRegressionData.Dataset which) {
    return LogisticRegressionData.load(TestData.dir(), which);
  }

  @Test
  void valueAndGradientComeFromTheDocumentedBlocksOfOnePermutation() {
    LogisticRegressionData all = data(LogisticRegressionData.Dataset.BREAST_CANCER);
    int d = all.dim();
    int b = 64;
    int n = 10; // 8 blocks per permutation of 569 rows; samples 9 and 10 reuse blocks 1 and 2
    Rng rng = new Rng(3);
    MiniBatchLogisticRegressionTarget mb =
        new MiniBatchLogisticRegressionTarget("bc_mb", all, b, rng.copy());
    double[] w = new double[n * d];
    Rng pts = new Rng(4);
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.3 * pts.nextGaussian();
    }
    double[] f = new double[n];
    double[] g = new double[n * d];
    mb.evaluate(w, n, f, g);

    int[] perm = rng.copy().permutation(all.numRows());
    int offset = 0;
    for (int i = 0; i < n; i++) {
      if (offset + b > all.numRows()) {
        offset = 0;
      }
      LogisticRegressionData block = rows(all, Arrays.copyOfRange(perm, offset, offset + b));
      LogisticRegressionTarget blockTarget = new LogisticRegressionTarget("block", block);
      double[] wi = Arrays.copyOfRange(w, i * d, (i + 1) * d);
      double[] fb = new double[1];
      double[] gb = new double[d];
      blockTarget.evaluate(wi, 1, fb, gb);
      double prior = LogisticRegressionMath.logPrior(wi, 0, d);
      double scale = (double) all.numRows() / b;
      assertThat(f[i]).as("value of sample %d", i)
          .isCloseTo(scale * (fb[0] - prior) + prior, within(1e-9 * Math.abs(f[i])));
      for (int j = 0; j < d; j++) {
        double priorGrad = -wi[j] / 100.0;
        assertThat(g[i * d + j]).as("gradient %d of sample %d", j, i)
            .isCloseTo(scale * (gb[j] - priorGrad) + priorGrad, within(1e-9));
      }
      offset += b;
    }
  }

  private static LogisticRegressionData rows(LogisticRegressionData all, int[] idx) {
    int d = all.dim();
    double[] x = new double[idx.length * d];
    double[] y = new double[idx.length];
    for (int r = 0; r < idx.length; r++) {
      System.arraycopy(all.x(), idx[r] * d, x, r * d, d);
      y[r] = all.y()[idx[r]];
    }
    return new LogisticRegressionData("rows", x, y, idx.length, d);
  }

  @Test
  void unbiasedForTheFullBatchTargetWithinStandardErrors() {
    for (var which : LogisticRegressionData.Dataset.values()) {
      LogisticRegressionData all = data(which);
      int d = all.dim();
      LogisticRegressionTarget full = new LogisticRegressionTarget("full", all);
      MiniBatchLogisticRegressionTarget mb =
          new MiniBatchLogisticRegressionTarget("mb", all, 64, new Rng(11));
      double[] w = new double[d];
      Rng pts = new Rng(12);
      for (int j = 0; j < d; j++) {
        w[j] = 0.2 * pts.nextGaussian();
      }
      double[] fFull = new double[1];
      double[] gFull = new double[d];
      full.evaluate(w, 1, fFull, gFull);
      int copies = 8;
      int calls = 1500;
      double[] batch = new double[copies * d];
      for (int c = 0; c < copies; c++) {
        System.arraycopy(w, 0, batch, c * d, d);
      }
      double[] f = new double[copies];
      double[] g = new double[copies * d];
      // Statistics over calls (samples within a call share one permutation, so the call mean is
      // the independent unit).
      double sum = 0;
      double sumSq = 0;
      double[] gSum = new double[d];
      double[] gSumSq = new double[d];
      for (int call = 0; call < calls; call++) {
        mb.evaluate(batch, copies, f, g);
        double mean = Arrays.stream(f).average().orElseThrow();
        sum += mean;
        sumSq += mean * mean;
        for (int j = 0; j < d; j++) {
          double gm = 0;
          for (int c = 0; c < copies; c++) {
            gm += g[c * d + j] / copies;
          }
          gSum[j] += gm;
          gSumSq[j] += gm * gm;
        }
      }
      double mean = sum / calls;
      double se = Math.sqrt((sumSq / calls - mean * mean) / calls);
      assertThat(se).as("%s: the estimate is noisy", which).isPositive();
      assertThat(mean).as("%s: mean mini-batch value (se %g)", which, se)
          .isCloseTo(fFull[0], within(4.5 * se));
      for (int j = 0; j < d; j++) {
        double gm = gSum[j] / calls;
        double gse = Math.sqrt(Math.max(gSumSq[j] / calls - gm * gm, 0) / calls);
        assertThat(gm).as("%s: mean gradient %d (se %g)", which, j, gse)
            .isCloseTo(gFull[j], within(4.5 * gse + 1e-9));
      }
    }
  }

  @Test
  void reproducibleFromTheRunSeedAndDifferentAcrossCalls() {
    DataDirectory data = TestData.dir();
    for (String name : new String[] {"breast_cancer_mb", "german_credit_mb"}) {
      ProblemInstance a = Problems.get(name).instantiate(10003, data);
      ProblemInstance b = Problems.get(name).instantiate(10003, data);
      ProblemInstance c = Problems.get(name).instantiate(10004, data);
      assertThat(a.target()).isInstanceOf(RandomizedTarget.class);
      assertThat(a.target().threadSafe()).isFalse();
      int d = a.target().dimension();
      double[] w = new double[5 * d];
      Arrays.fill(w, 0.05);
      double[][] fa = new double[2][5];
      double[][] fb = new double[2][5];
      double[] fc = new double[5];
      for (int call = 0; call < 2; call++) {
        a.target().evaluate(w, 5, fa[call], null);
        b.target().evaluate(w, 5, fb[call], null);
      }
      c.target().evaluate(w, 5, fc, null);
      assertThat(fa[0]).containsExactly(fb[0]);
      assertThat(fa[1]).containsExactly(fb[1]);
      assertThat(fa[1]).isNotEqualTo(fa[0]);
      assertThat(fc).isNotEqualTo(fa[0]);
    }
  }

  @Test
  void batchSizeOfAllRowsEqualsTheFullTarget() {
    LogisticRegressionData all = data(LogisticRegressionData.Dataset.GERMAN_CREDIT);
    int d = all.dim();
    MiniBatchLogisticRegressionTarget mb =
        new MiniBatchLogisticRegressionTarget("mb", all, all.numRows(), new Rng(1));
    LogisticRegressionTarget full = new LogisticRegressionTarget("full", all);
    double[] w = new double[3 * d];
    Rng pts = new Rng(2);
    for (int i = 0; i < w.length; i++) {
      w[i] = pts.nextGaussian();
    }
    double[] f1 = new double[3];
    double[] f2 = new double[3];
    double[] g1 = new double[3 * d];
    double[] g2 = new double[3 * d];
    mb.evaluate(w, 3, f1, g1);
    full.evaluate(w, 3, f2, g2);
    for (int i = 0; i < 3; i++) {
      assertThat(f1[i]).isCloseTo(f2[i], within(1e-10 * Math.abs(f2[i])));
    }
    for (int i = 0; i < 3 * d; i++) {
      assertThat(g1[i]).isCloseTo(g2[i], within(1e-9));
    }
  }

  @Test
  void rejectsBadBatchSizes() {
    LogisticRegressionData all = data(LogisticRegressionData.Dataset.BREAST_CANCER);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new MiniBatchLogisticRegressionTarget("mb", all, 570, new Rng(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 569]");
  }

  @Test
  void miniBatchMetricsReportTheFullBatchElboAndMmd() {
    DataDirectory data = TestData.dir();
    LogisticRegressionProblem p = (LogisticRegressionProblem) Problems.get("german_credit_mb");
    ProblemInstance inst = p.instantiate(10000, data);
    var gt = org.gmmvi.problems.metrics.GroundTruth.load(data,
        org.gmmvi.problems.metrics.GroundTruth.GERMAN_CREDIT, 25);
    int m = 200;
    double[] samples = Arrays.copyOf(gt.data(), m * 25);
    double[] logQ = new double[m];
    var metrics = inst.metrics().evaluate(samples, m, logQ, new double[25], 1);
    double[] lp = new double[m];
    p.fullBatchTarget(data).evaluate(samples, m, lp, null);
    assertThat(metrics.get("elbo_fb")).isCloseTo(Arrays.stream(lp).average().orElseThrow(),
        within(1e-9));
    assertThat(metrics.get("mmd")).isPositive().isLessThan(0.05);
  }
}
