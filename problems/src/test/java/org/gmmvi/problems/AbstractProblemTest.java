package org.gmmvi.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.NumericTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks every problem must pass; each problem's test class extends this one (also the WINE
 * and TALOS tests of the other packages). Subclasses give the problem and, optionally, a test-vector
 * file and tolerances.
 *
 * <ul>
 *   <li>test vectors ({@code testvectors/*.csv}, shared/data/README.md): {@code lnpdf} to
 *       {@link #valueRelativeTolerance()} relative, gradients to
 *       {@link #gradientAbsoluteTolerance()}{@code · max(1, max_j |grad_j|)} per row;</li>
 *   <li>gradients against central finite differences at {@link #randomPoints} (plus the
 *       round-off term {@code 1e-14·|f|/h});</li>
 *   <li>a batch gives the same values and gradients as one-sample calls and as calls without
 *       gradient;</li>
 *   <li>values and gradients are finite over random points of the prior box;</li>
 *   <li>registry name, dimension, budgets and default config are consistent.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractProblemTest {

  private Target cachedTarget;

  /** The problem under test. */
  protected abstract Problem problem();

  /** Test-vector CSV below the data directory, or {@code null} if there is none. */
  protected abstract String testVectorFile();

  /** Run seed used to build the target. */
  protected long seed() {
    return 10000L;
  }

  /** Relative tolerance on test-vector log-densities. */
  protected double valueRelativeTolerance() {
    return 1e-9;
  }

  /** Absolute gradient tolerance, multiplied by {@code max(1, max|grad|)} of the row. */
  protected double gradientAbsoluteTolerance() {
    return 1e-7;
  }

  /** Finite-difference step. */
  protected double finiteDifferenceStep() {
    return 1e-5;
  }

  /** Finite-difference tolerance, relative to {@code max(1, max|grad|)} of the point. */
  protected double finiteDifferenceTolerance() {
    return 1e-6;
  }

  /** Coordinates checked by finite differences per point (all for small D). */
  protected int finiteDifferenceCoordinates() {
    return 40;
  }

  /** Number of random points for the finite-difference and finiteness checks. */
  protected int numRandomPoints() {
    return 4;
  }

  /**
   * Builds the deterministic target the checks run on (once per test class). Mini-batch problems
   * override this with their full-batch target.
   */
  protected Target createTarget() {
    return problem().create(seed(), data());
  }

  /** The target of {@link #createTarget()}, built once per test class. */
  protected final Target target() {
    if (cachedTarget == null) {
      cachedTarget = createTarget();
    }
    return cachedTarget;
  }

  /** The data directory (skips the test if absent). */
  protected DataDirectory data() {
    return TestData.dir();
  }

  /**
   * Random points of the prior box: {@code N(0, diag(s0²))} with {@code s0} the
   * {@code model_initialization.prior_scale} of the default config (the box the initial model
   * occupies). Override for a different region.
   */
  protected double[] randomPoints(Rng rng, int n) {
    int d = problem().dimension();
    double[] scale = priorScale(d);
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = scale[j] * rng.nextGaussian();
      }
    }
    return x;
  }

  @SuppressWarnings("unchecked")
  private double[] priorScale(int d) {
    Map<String, Object> init = (Map<String, Object>) problem().defaultExperimentConfig()
        .get("model_initialization");
    Object s = init.get("prior_scale");
    double[] out = new double[d];
    if (s instanceof List<?> l) {
      for (int j = 0; j < d; j++) {
        out[j] = ((Number) l.get(j)).doubleValue();
      }
    } else {
      Arrays.fill(out, ((Number) s).doubleValue());
    }
    return out;
  }

  @Test
  void reproducesTestVectors() {
    String file = testVectorFile();
    assumeTrue(file != null, "no test vectors for " + problem().name());
    NumericTable t = NumericTable.readCsv(data().file(file));
    int d = problem().dimension();
    List<String> header = List.of(t.header());
    int x0 = header.indexOf("x0");
    int lnpdf = header.indexOf("lnpdf");
    int g0 = header.indexOf("grad0");
    assertThat(x0).as("x0 column").isGreaterThanOrEqualTo(0);
    assertThat(lnpdf).as("lnpdf column").isEqualTo(x0 + d);
    assertThat(g0).as("grad0 column").isEqualTo(lnpdf + 1);
    int n = t.rows();
    double[] x = new double[n * d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        x[r * d + j] = t.get(r, x0 + j);
      }
    }
    double[] value = new double[n];
    double[] grad = new double[n * d];
    target().evaluate(x, n, value, grad);
    for (int r = 0; r < n; r++) {
      double expected = t.get(r, lnpdf);
      assertThat(value[r]).as("%s row %d lnpdf", file, r)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(
              valueRelativeTolerance() * Math.max(1.0, Math.abs(expected))));
      double maxAbs = 0.0;
      for (int j = 0; j < d; j++) {
        maxAbs = Math.max(maxAbs, Math.abs(t.get(r, g0 + j)));
      }
      double tol = gradientAbsoluteTolerance() * Math.max(1.0, maxAbs);
      for (int j = 0; j < d; j++) {
        assertThat(grad[r * d + j]).as("%s row %d grad%d", file, r, j)
            .isCloseTo(t.get(r, g0 + j), org.assertj.core.data.Offset.offset(tol));
      }
    }
  }

  @Test
  void gradientMatchesCentralFiniteDifferences() {
    Target target = target();
    int d = target.dimension();
    Rng rng = new Rng(17);
    int n = numRandomPoints();
    double[] x = randomPoints(rng, n);
    double[] f = new double[n];
    double[] g = new double[n * d];
    target.evaluate(x, n, f, g);
    double h = finiteDifferenceStep();
    List<Integer> coords = new ArrayList<>();
    int[] perm = rng.permutation(d);
    for (int c = 0; c < Math.min(d, finiteDifferenceCoordinates()); c++) {
      coords.add(perm[c]);
    }
    int m = coords.size();
    for (int i = 0; i < n; i++) {
      double[] shifted = new double[2 * m * d];
      for (int c = 0; c < m; c++) {
        for (int s = 0; s < 2; s++) {
          int row = 2 * c + s;
          System.arraycopy(x, i * d, shifted, row * d, d);
          shifted[row * d + coords.get(c)] += s == 0 ? h : -h;
        }
      }
      double[] fs = new double[2 * m];
      target.evaluate(shifted, 2 * m, fs, null);
      double maxAbs = 0.0;
      for (int j = 0; j < d; j++) {
        maxAbs = Math.max(maxAbs, Math.abs(g[i * d + j]));
      }
      double tol = finiteDifferenceTolerance() * Math.max(1.0, maxAbs)
          + 1e-14 * Math.abs(f[i]) / h;
      for (int c = 0; c < m; c++) {
        double fd = (fs[2 * c] - fs[2 * c + 1]) / (2 * h);
        assertThat(g[i * d + coords.get(c)]).as("%s point %d coordinate %d (f=%g)",
            problem().name(), i, coords.get(c), f[i])
            .isCloseTo(fd, org.assertj.core.data.Offset.offset(tol));
      }
    }
  }

  @Test
  void batchEqualsSingleSampleCallsAndValueOnlyCalls() {
    Target target = target();
    int d = target.dimension();
    int n = 150; // crosses the internal chunk sizes (64, 128)
    double[] x = randomPoints(new Rng(5), n);
    double[] f = new double[n];
    double[] g = new double[n * d];
    target.evaluate(x, n, f, g);
    double[] fOnly = new double[n];
    target.evaluate(x, n, fOnly, null);
    double[] f1 = new double[1];
    double[] g1 = new double[d];
    for (int i = 0; i < n; i++) {
      target.evaluate(Arrays.copyOfRange(x, i * d, (i + 1) * d), 1, f1, g1);
      double tolF = 1e-12 * Math.max(1.0, Math.abs(f[i]));
      assertThat(f1[0]).as("value of sample %d", i).isCloseTo(f[i],
          org.assertj.core.data.Offset.offset(tolF));
      assertThat(fOnly[i]).as("value-only call, sample %d", i).isCloseTo(f[i],
          org.assertj.core.data.Offset.offset(tolF));
      double maxAbs = 0.0;
      for (int j = 0; j < d; j++) {
        maxAbs = Math.max(maxAbs, Math.abs(g[i * d + j]));
      }
      for (int j = 0; j < d; j++) {
        assertThat(g1[j]).as("gradient %d of sample %d", j, i).isCloseTo(g[i * d + j],
            org.assertj.core.data.Offset.offset(1e-12 * Math.max(1.0, maxAbs)));
      }
    }
    target.evaluate(x, 0, new double[0], new double[0]);
  }

  @Test
  void finiteOverThePriorBox() {
    Target target = target();
    int d = target.dimension();
    int n = 200;
    double[] x = randomPoints(new Rng(23), n);
    for (int i = 0; i < n * d; i++) {
      x[i] *= 3.0; // three prior standard deviations
    }
    double[] f = new double[n];
    double[] g = new double[n * d];
    target.evaluate(x, n, f, g);
    for (int i = 0; i < n; i++) {
      assertThat(f[i]).as("value %d", i).isFinite();
    }
    for (int i = 0; i < n * d; i++) {
      assertThat(g[i]).as("gradient entry %d", i).isFinite();
    }
  }

  @Test
  void rejectsShortArrays() {
    Target target = target();
    int d = target.dimension();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> target.evaluate(new double[d], 2, new double[2], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(2 * d)); // names the required length n*D
  }

  @Test
  void registryAndDefinitionAreConsistent() {
    Problem p = problem();
    assertThat(Problems.get(p.name())).isSameAs(p);
    assertThat(target().dimension()).isEqualTo(p.dimension());
    assertThat(p.budget().smoke()).isLessThanOrEqualTo(p.budget().full());
    assertThat(p.defaultLogInterval()).isPositive();
    Map<String, Object> c = p.defaultExperimentConfig();
    assertThat(c).containsKeys("environment_name", "environment_config", "model_initialization",
        "gmmvi_runner_config", "use_sample_database", "max_database_size", "temperature");
    assertThat(((Map<?, ?>) c.get("gmmvi_runner_config")).get("log_metrics_interval"))
        .isEqualTo(p.defaultLogInterval());
    assertThat(p.description()).isNotBlank();
    for (String f : p.dataFiles()) {
      assertThat(data().file(f)).as("data file %s of %s", f, p.name()).exists();
    }
  }

  @Test
  void threadSafeTargetsGiveTheSameResultsWhenChunksRunConcurrently() throws Exception {
    Target target = target();
    assumeTrue(target.threadSafe(), target.name() + " is not thread-safe");
    int d = target.dimension();
    int n = 64;
    double[] x = randomPoints(new Rng(31), n);
    double[] f = new double[n];
    double[] g = new double[n * d];
    target.evaluate(x, n, f, g);
    int chunks = 4;
    int per = n / chunks;
    double[][] fc = new double[chunks][per];
    double[][] gc = new double[chunks][per * d];
    Thread[] threads = new Thread[chunks];
    for (int c = 0; c < chunks; c++) {
      int cc = c;
      double[] xc = Arrays.copyOfRange(x, c * per * d, (c + 1) * per * d);
      threads[c] = new Thread(() -> target.evaluate(xc, per, fc[cc], gc[cc]));
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    for (int c = 0; c < chunks; c++) {
      for (int i = 0; i < per; i++) {
        assertThat(fc[c][i]).isCloseTo(f[c * per + i],
            org.assertj.core.data.Offset.offset(1e-12 * Math.max(1.0, Math.abs(f[c * per + i]))));
      }
    }
  }
}
