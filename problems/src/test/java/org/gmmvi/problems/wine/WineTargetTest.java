package org.gmmvi.problems.wine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WINE targets (PROBLEMS.md §4.7) against the shipped test vectors, finite differences and invariants. */
class WineTargetTest {

  private static final int D = BnnLayout.DIM;
  private static WineData data;

  @BeforeAll
  static void load() {
    data = WineData.load(TestData.dir(), 0);
  }

  @Test
  void dataHasTheShippedShapes() {
    assertThat(data.train().rows()).isEqualTo(2938);
    assertThat(data.test().rows()).isEqualTo(979);
    assertThat(data.validation().rows()).isEqualTo(981);
    assertThat(D).isEqualTo(177);
  }

  /** testvectors/wine_bnn_fullbatch_seed0.csv: full-batch value and gradient, README tolerances. */
  @Test
  void fullBatchReproducesTestVectors() {
    TestData.Vectors v = TestData.vectors("wine_bnn_fullbatch_seed0.csv");
    WineFullBatchTarget target = new WineFullBatchTarget(data.train());
    int n = v.rows().length;
    assertThat(n).isEqualTo(5);
    double[] x = new double[n * D];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v.slice(i, "x0", D), 0, x, i * D, D);
    }
    double[] value = new double[n];
    double[] grad = new double[n * D];
    target.evaluate(x, n, value, grad);
    for (int i = 0; i < n; i++) {
      TestData.assertMatches("row " + i, v.rows()[i][v.column("lnpdf")], value[i],
          v.slice(i, "grad0", D), Arrays.copyOfRange(grad, i * D, (i + 1) * D), 1e-7);
    }
  }

  /** testvectors/wine_bnn_test_outputs_seed0.csv: outputs on test rows 0..4 and the single-net MSE. */
  @Test
  void networkOutputsReproduceTestVectors() {
    TestData.Vectors params = TestData.vectors("wine_bnn_fullbatch_seed0.csv");
    TestData.Vectors v = TestData.vectors("wine_bnn_test_outputs_seed0.csv");
    double[] out = new double[data.test().rows()];
    for (int i = 0; i < v.rows().length; i++) {
      WineMetrics.predict(data.test(), params.slice(i, "x0", D), 0, out);
      double[] expected = v.slice(i, "f_test0", 5);
      for (int r = 0; r < 5; r++) {
        assertThat(out[r]).as("row %d output %d", i, r)
            .isCloseTo(expected[r], within(1e-12 * Math.max(1, Math.abs(expected[r]))));
      }
      double se = 0;
      for (int r = 0; r < out.length; r++) {
        double e = out[r] - data.test().labels()[r];
        se += e * e;
      }
      double expectedMse = v.rows()[i][v.column("test_mse_all_rows")];
      assertThat(se / out.length).isCloseTo(expectedMse, within(1e-9 * expectedMse));
    }
  }

  @Test
  void fullBatchGradientMatchesCentralDifferences() {
    Rng rng = new Rng(11);
    WineFullBatchTarget target = new WineFullBatchTarget(data.train());
    for (int trial = 0; trial < 2; trial++) {
      double[] w = gaussian(rng, D, 1.0);
      double[] grad = new double[D];
      target.evaluate(w, 1, new double[1], grad);
      double[] fd = centralDifferences(target::evaluate, w, 1e-5);
      assertClose(grad, fd, 1e-6);
    }
  }

  /** Mini-batch gradient vs finite differences on the same batch (restoring the Rng state). */
  @Test
  void miniBatchGradientMatchesCentralDifferencesOnTheSameBatch() {
    WineTarget target = new WineTarget(data.train(), 5);
    double[] w = gaussian(new Rng(3), D, 1.0);
    long[] state = target.random().state();
    double[] grad = new double[D];
    target.evaluate(w, 1, new double[1], grad);
    double[] fd = centralDifferences((x, n, val, g) -> {
      target.random().restore(state);
      target.evaluate(x, n, val, g);
    }, w, 1e-5);
    assertClose(grad, fd, 1e-6);
  }

  /** The mini-batch value equals N/128 times the batch SSE plus the prior, via a 128-row split. */
  @Test
  void miniBatchValueIsScaledBatchLoss() {
    int n = 30;
    WineTarget target = new WineTarget(data.train(), 8);
    double[] w = gaussian(new Rng(4), n * D, 0.7);
    double[] value = new double[n];
    double[] grad = new double[n * D];
    target.evaluate(w, n, value, grad);
    double scale = 2938.0 / 128.0;
    assertThat(target.likelihoodScale()).isEqualTo(scale);
    for (int i : new int[] {0, 21, 22, 29}) {
      WineFullBatchTarget onBatch = new WineFullBatchTarget(subSplit(target.lastBatch(i)));
      double[] wi = Arrays.copyOfRange(w, i * D, (i + 1) * D);
      double[] subValue = new double[1];
      double[] subGrad = new double[D];
      onBatch.evaluate(wi, 1, subValue, subGrad);
      double prior = -0.5 * dot(wi, wi);
      assertThat(value[i]).isCloseTo(prior + scale * (subValue[0] - prior),
          within(1e-10 * Math.abs(value[i])));
      for (int j = 0; j < D; j++) {
        double expected = -wi[j] + scale * (subGrad[j] + wi[j]);
        assertThat(grad[i * D + j]).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  /** 22 consecutive batches come from one permutation (disjoint); the 23rd starts a new one. */
  @Test
  void batchesAreDisjointWithinOnePermutation() {
    WineTarget target = new WineTarget(data.train(), 9);
    int n = 23;
    target.evaluate(new double[n * D], n, new double[n], null);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 22; i++) {
      for (int row : target.lastBatch(i)) {
        assertThat(row).isBetween(0, 2937);
        assertThat(seen.add(row)).as("row %d repeated within one permutation", row).isTrue();
      }
    }
    assertThat(seen).hasSize(22 * 128);
    assertThat(new HashSet<>(Arrays.stream(target.lastBatch(22)).boxed().toList())).hasSize(128);
  }

  @Test
  void batchEvaluationEqualsSingleSampleEvaluation() {
    int n = 7;
    double[] w = gaussian(new Rng(12), n * D, 1.0);
    WineFullBatchTarget full = new WineFullBatchTarget(data.train());
    double[] value = new double[n];
    double[] grad = new double[n * D];
    full.evaluate(w, n, value, grad);
    for (int i = 0; i < n; i++) {
      double[] v1 = new double[1];
      double[] g1 = new double[D];
      full.evaluate(Arrays.copyOfRange(w, i * D, (i + 1) * D), 1, v1, g1);
      assertThat(v1[0]).isEqualTo(value[i]);
      assertThat(g1).containsExactly(Arrays.copyOfRange(grad, i * D, (i + 1) * D));
    }
    // Mini-batch: value without gradient equals value with gradient (same batches from the same state).
    WineTarget mb = new WineTarget(data.train(), 13);
    long[] state = mb.random().state();
    double[] withGrad = new double[n];
    mb.evaluate(w, n, withGrad, new double[n * D]);
    mb.random().restore(state);
    double[] withoutGrad = new double[n];
    mb.evaluate(w, n, withoutGrad, null);
    assertThat(withoutGrad).containsExactly(withGrad);
  }

  @Test
  void parallelEvaluationEqualsSequentialAndIsReproducible() {
    int n = 50;
    double[] w = gaussian(new Rng(14), n * D, 1.0);
    double[][] values = new double[3][n];
    double[][] grads = new double[3][n * D];
    new WineTarget(data.train(), 77, 1).evaluate(w, n, values[0], grads[0]);
    new WineTarget(data.train(), 77, 3).evaluate(w, n, values[1], grads[1]);
    new WineTarget(data.train(), 78, 1).evaluate(w, n, values[2], grads[2]);
    assertThat(values[1]).containsExactly(values[0]);
    assertThat(grads[1]).containsExactly(grads[0]);
    assertThat(values[2]).isNotEqualTo(values[0]);
  }

  /** Averaged over many batches, the mini-batch target matches the full batch (value and gradient). */
  @Test
  void miniBatchIsUnbiasedWithinStandardErrors() {
    int n = 2200;
    double[] w1 = gaussian(new Rng(15), D, 0.5);
    double[] w = new double[n * D];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w1, 0, w, i * D, D);
    }
    double[] value = new double[n];
    double[] grad = new double[n * D];
    new WineTarget(data.train(), 16).evaluate(w, n, value, grad);
    double[] fullValue = new double[1];
    double[] fullGrad = new double[D];
    new WineFullBatchTarget(data.train()).evaluate(w1, 1, fullValue, fullGrad);
    assertWithinStandardErrors("value", value, 1, 0, fullValue[0]);
    for (int j : new int[] {0, 50, 95, 100, 165, 170, 176}) {
      assertWithinStandardErrors("grad " + j, grad, D, j, fullGrad[j]);
    }
  }

  @Test
  void finiteOverAPriorBox() {
    Rng rng = new Rng(17);
    int n = 100;
    double[] w = new double[n * D];
    for (int i = 0; i < w.length; i++) {
      w[i] = 10 * (2 * rng.nextDouble() - 1); // uniform on [-10, 10]^177
    }
    w[0] = 1e3; // saturated sigmoids
    w[D + 5] = -1e3;
    double[] value = new double[n];
    double[] grad = new double[n * D];
    new WineTarget(data.train(), 18).evaluate(w, n, value, grad);
    assertAllFinite(value);
    assertAllFinite(grad);
    new WineFullBatchTarget(data.train()).evaluate(w, 40, value, grad); // full batch: 40 samples
    assertAllFinite(value);
    assertAllFinite(grad);
  }

  @Test
  void misuseIsRejectedWithClearMessages() {
    assertThatThrownBy(() -> new WineTarget(data.train(), 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
    WineTarget target = new WineTarget(data.train(), 1);
    assertThatThrownBy(() -> target.evaluate(new double[D], 2, new double[2], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wine: x must hold n*D = 354");
    assertThatThrownBy(() -> target.evaluate(new double[D], 1, new double[1], new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradient");
    assertThatThrownBy(() -> WineData.load(TestData.dir(), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split seed");
    assertThat(WineData.splitSeedOf(10003)).isEqualTo(3);
    assertThat(WineData.splitSeedOf(-1)).isEqualTo(9);
  }

  // ---------------------------------------------------------------- helpers

  @FunctionalInterface
  interface Evaluator {
    void evaluate(double[] x, int n, double[] value, double[] grad);
  }

  static double[] centralDifferences(Evaluator f, double[] x, double h) {
    double[] fd = new double[x.length];
    double[] plus = new double[1];
    double[] minus = new double[1];
    for (int j = 0; j < x.length; j++) {
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[j] += h;
      xm[j] -= h;
      f.evaluate(xp, 1, plus, null);
      f.evaluate(xm, 1, minus, null);
      fd[j] = (plus[0] - minus[0]) / (2 * h);
    }
    return fd;
  }

  /** Absolute agreement {@code tol · max(1, max|expected|)}, as the README tolerance. */
  static void assertClose(double[] actual, double[] expected, double tol) {
    double scale = 1;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int j = 0; j < actual.length; j++) {
      assertThat(actual[j]).as("entry %d", j).isCloseTo(expected[j], within(tol * scale));
    }
  }

  private static void assertWithinStandardErrors(String what, double[] a, int stride, int offset,
      double expected) {
    int n = a.length / stride;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a[i * stride + offset];
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < n; i++) {
      double e = a[i * stride + offset] - mean;
      var += e * e;
    }
    double se = Math.sqrt(var / (n - 1) / n);
    assertThat(se).as(what + " standard error").isPositive();
    assertThat(Math.abs(mean - expected)).as(what + ": |mean - full| in standard errors " + se)
        .isLessThan(4.5 * se);
  }

  static void assertAllFinite(double[] a) {
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as("entry %d", i).isFinite();
    }
  }

  private static WineData.Split subSplit(int[] rows) {
    double[] x = new double[rows.length * 11];
    double[] y = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(data.train().features(), rows[r] * 11, x, r * 11, 11);
      y[r] = data.train().labels()[rows[r]];
    }
    return new WineData.Split(rows.length, x, y);
  }

  static double[] gaussian(Rng rng, int len, double scale) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = scale * rng.nextGaussian();
    }
    return v;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
