package org.gmmvi.problems.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.gmmvi.core.random.Rng;
import org.gmmvi.problems.TestData;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.DataMissingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TALOS target (PROBLEMS.md §4.8) against testvectors/talos_context_0.1_0.5_1.0.csv, finite
 * differences and invariants. The URDF is read from the data directory at run time.
 */
class TalosTargetTest {

  private static final int D = TalosTarget.DIM;
  private static TalosTarget target;

  @BeforeAll
  static void load() {
    target = TalosProblem.target(TestData.dir(), TalosProblem.defaultContext());
  }

  /** Value, gradient and each of the five terms, with the README tolerances. */
  @Test
  void reproducesTestVectors() {
    TestData.Vectors v = TestData.vectors("talos_context_0.1_0.5_1.0.csv");
    int n = v.rows().length;
    assertThat(n).isEqualTo(5);
    double[] x = new double[n * D];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v.slice(i, "x0", D), 0, x, i * D, D);
    }
    double[] value = new double[n];
    double[] grad = new double[n * D];
    target.evaluate(x, n, value, grad);
    double[] terms = new double[5];
    for (int i = 0; i < n; i++) {
      TestData.assertMatches("row " + i, v.rows()[i][v.column("lnpdf")], value[i],
          v.slice(i, "grad0", D), Arrays.copyOfRange(grad, i * D, (i + 1) * D), 1e-7);
      double sum = target.evaluateTerms(x, i * D, terms);
      assertThat(sum).isEqualTo(value[i]);
      for (int t = 0; t < 5; t++) {
        double expected = v.rows()[i][v.column(TalosTarget.TERM_NAMES.get(t))];
        assertThat(terms[t]).as("row %d %s", i, TalosTarget.TERM_NAMES.get(t))
            .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @Test
  void gradientMatchesCentralDifferencesAtRandomPoints() {
    Rng rng = new Rng(31);
    double[] value = new double[1];
    double[] plus = new double[1];
    double[] minus = new double[1];
    for (int trial = 0; trial < 6; trial++) {
      double[] x = new double[D];
      for (int j = 0; j < D; j++) {
        x[j] = (trial < 3 ? 0.3 : 1.0) * rng.nextGaussian();
      }
      x[30] += trial < 3 ? 1.08 : 0; // near-standing poses and N(0, I) poses
      double[] grad = new double[D];
      target.evaluate(x, 1, value, grad);
      double scale = 1;
      for (double g : grad) {
        scale = Math.max(scale, Math.abs(g));
      }
      double h = 1e-6;
      for (int j = 0; j < D; j++) {
        double[] xp = x.clone();
        double[] xm = x.clone();
        xp[j] += h;
        xm[j] -= h;
        target.evaluate(xp, 1, plus, null);
        target.evaluate(xm, 1, minus, null);
        double fd = (plus[0] - minus[0]) / (2 * h);
        assertThat(grad[j]).as("trial %d entry %d", trial, j)
            .isCloseTo(fd, within(1e-6 * Math.max(scale, Math.abs(value[0]))));
      }
    }
  }

  /**
   * §4.8 sanity check: all joints 0, no base rotation, base at the height of test-vector row 0 puts
   * both soles at z = 0 with equal x and mirrored y.
   */
  @Test
  void standingPoseHasBothSolesOnTheGround() {
    TestData.Vectors v = TestData.vectors("talos_context_0.1_0.5_1.0.csv");
    double[] x = v.slice(0, "x0", D);
    for (int j = 0; j < D; j++) {
      if (j != 30) {
        assertThat(x[j]).isZero();
      }
    }
    double[] right = new double[6];
    double[] left = new double[6];
    target.endPositionAndCom(x, TalosModel.R_FOOT, right);
    target.endPositionAndCom(x, TalosModel.L_FOOT, left);
    assertThat(right[2]).isCloseTo(0.0, within(1e-12));
    assertThat(left[2]).isCloseTo(0.0, within(1e-12));
    assertThat(left[0]).isCloseTo(right[0], within(1e-12));
    assertThat(left[1]).isCloseTo(-right[1], within(1e-12));
    assertThat(left[1]).isPositive();
  }

  /** §4.8: total mass with the quirks (torso twice, wrist F/T links 1.0 each) is 97.678682. */
  @Test
  void totalMassFollowsTheReferenceQuirks() {
    assertThat(target.model().totalMass()).isCloseTo(97.678682, within(1e-9));
  }

  @Test
  void baseTranslationMovesEverythingRigidly() {
    Rng rng = new Rng(5);
    double[] x = new double[D];
    for (int j = 0; j < D; j++) {
      x[j] = 0.5 * rng.nextGaussian();
    }
    double[] a = new double[6];
    double[] b = new double[6];
    double[] shifted = x.clone();
    shifted[28] += 0.3;
    shifted[29] -= 0.2;
    shifted[30] += 0.1;
    for (int c = 0; c < 4; c++) {
      target.endPositionAndCom(x, c, a);
      target.endPositionAndCom(shifted, c, b);
      assertThat(b[0] - a[0]).isCloseTo(0.3, within(1e-12));
      assertThat(b[1] - a[1]).isCloseTo(-0.2, within(1e-12));
      assertThat(b[2] - a[2]).isCloseTo(0.1, within(1e-12));
      assertThat(b[5] - a[5]).isCloseTo(0.1, within(1e-12)); // CoM z
    }
  }

  @Test
  void batchAndConcurrentEvaluationEqualSingleSamples() {
    int n = 64;
    Rng rng = new Rng(7);
    double[] x = new double[n * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    double[] value = new double[n];
    double[] grad = new double[n * D];
    target.evaluate(x, n, value, grad);
    double[] v1 = new double[1];
    double[] g1 = new double[D];
    for (int i = 0; i < n; i++) {
      target.evaluate(Arrays.copyOfRange(x, i * D, (i + 1) * D), 1, v1, g1);
      assertThat(v1[0]).isEqualTo(value[i]);
      assertThat(g1).containsExactly(Arrays.copyOfRange(grad, i * D, (i + 1) * D));
    }
    assertThat(target.threadSafe()).isTrue();
    double[] parValue = new double[n];
    double[] parGrad = new double[n * D];
    IntStream.range(0, n).parallel().forEach(i -> {
      double[] vi = new double[1];
      double[] gi = new double[D];
      target.evaluate(Arrays.copyOfRange(x, i * D, (i + 1) * D), 1, vi, gi);
      parValue[i] = vi[0];
      System.arraycopy(gi, 0, parGrad, i * D, D);
    });
    assertThat(parValue).containsExactly(value);
    assertThat(parGrad).containsExactly(grad);
  }

  @Test
  void finiteOverAPriorBox() {
    Rng rng = new Rng(9);
    int n = 500;
    double[] x = new double[n * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 * (2 * rng.nextDouble() - 1); // uniform on [-10, 10]^34
    }
    double[] value = new double[n];
    double[] grad = new double[n * D];
    target.evaluate(x, n, value, grad);
    for (int i = 0; i < n; i++) {
      assertThat(value[i]).as("value %d", i).isFinite();
    }
    for (int i = 0; i < grad.length; i++) {
      assertThat(grad[i]).as("gradient entry %d", i).isFinite();
    }
  }

  @Test
  void misuseIsRejectedWithClearMessages() {
    DataDirectory data = TestData.dir();
    assertThatThrownBy(() -> TalosProblem.target(data, new double[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context");
    DataDirectory missing = DataDirectory.of(data.root().resolve("no-such-dir"));
    assertThatThrownBy(() -> TalosProblem.target(missing, TalosProblem.defaultContext()))
        .isInstanceOf(DataMissingException.class).hasMessageContaining("data directory not found");
    assertThatThrownBy(() -> TalosTarget.load(data.root().resolve("no-such.urdf"),
        TalosProblem.defaultContext()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URDF file not found");
    assertThatThrownBy(() -> target.evaluate(new double[D], 2, new double[2], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("talos: x must hold n*D = 68");
    assertThat(target.dimension()).isEqualTo(34);
    assertThat(target.context()).containsExactly(TalosProblem.defaultContext());
  }
}
