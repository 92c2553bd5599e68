package org.gmmvi.core.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.sample.SampleBatch;

/**
 * The worked examples of ALGORITHM.md §5 as fixtures, plus tolerance helpers. Matrices are row-major
 * 2 × 2 arrays unless stated otherwise.
 */
public final class SpecFixtures {

  private SpecFixtures() {}

  // ---------------------------------------------------------------- tolerances

  /**
   * Asserts {@code |actual − expected| ≤ tol·max(1, |expected|)} elementwise; {@code tol} covers both
   * the method (1e−8 closed form, 1e−6 through bisection, §5) and the digits printed in the spec.
   */
  public static void assertClose(double[] actual, double[] expected, double tol, String what) {
    assertThat(actual).as(what + " length").hasSizeGreaterThanOrEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as(what + "[" + i + "]")
          .isCloseTo(expected[i], within(tol * Math.max(1.0, Math.abs(expected[i]))));
    }
  }

  /** Scalar version of {@link #assertClose(double[], double[], double, String)}. */
  public static void assertClose(double actual, double expected, double tol, String what) {
    assertClose(new double[] {actual}, new double[] {expected}, tol, what);
  }

  /** Relative check {@code |a − e| ≤ rel·|e|} (for small quantities such as KL values). */
  public static void assertRel(double actual, double expected, double rel, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.abs(expected)));
  }

  /** A slice {@code a[off .. off+len)}. */
  public static double[] slice(double[] a, int off, int len) {
    return java.util.Arrays.copyOfRange(a, off, off + len);
  }

  // ---------------------------------------------------------------- small linear algebra (EJML)

  /** Inverse of a row-major {@code d × d} matrix (EJML, an independent implementation). */
  public static double[] inverse(double[] a, int d) {
    DMatrixRMaj m = new DMatrixRMaj(d, d, true, a);
    DMatrixRMaj inv = new DMatrixRMaj(d, d);
    if (!CommonOps_DDRM.invert(m, inv)) {
      throw new IllegalArgumentException("singular matrix");
    }
    return inv.getData().clone();
  }

  /** {@code A x}. */
  public static double[] mul(double[] a, double[] x, int d) {
    double[] out = new double[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        out[i] += a[i * d + j] * x[j];
      }
    }
    return out;
  }

  /** Covariance of component {@code o}, {@code L Lᵀ}. */
  public static double[] cov(GmmModel m, int o) {
    return m.covariance(o);
  }

  // ---------------------------------------------------------------- §5.1 item 1

  /** GMM of §5.1 item 1: {@code w = [0.3, 0.7]}, two full 2-D components. */
  public static GmmModel item1Gmm() {
    return GmmModel.fromCovariances(new double[] {0.3, 0.7}, new double[] {0, 0, 2, 1},
        new double[] {1, 0.3, 0.3, 0.5, 0.8, -0.2, -0.2, 1.2}, 2);
  }

  /** The evaluation points of §5.1 item 1, {@code 3 × 2}. */
  public static final double[] ITEM1_X = {0.5, -0.5, 1, 1, 3, 0};

  // ---------------------------------------------------------------- §5.1 item 2: Gaussian target

  /** {@code m* = [1, −1]}. */
  public static final double[] M_STAR = {1, -1};
  /** {@code S* = [[2, 0.5], [0.5, 1]]}. */
  public static final double[] S_STAR = {2, 0.5, 0.5, 1};

  /** A one-component full model {@code N(μ, Σ)}. */
  public static GmmModel single(double[] mu, double[] sigma) {
    return GmmModel.fromCovariances(new double[] {1.0}, mu, sigma, mu.length);
  }

  /**
   * The exact estimates for the Gaussian target of item 2 and a one-component model: {@code Rneg =
   * S*⁻¹ − Σ⁻¹}, {@code gneg = S*⁻¹(μ − m*)}.
   */
  public static NgEstimate exactGaussianEstimate(GmmModel m) {
    double[] sInv = inverse(S_STAR, 2);
    double[] lam = m.precision(0);
    double[] r = new double[4];
    for (int i = 0; i < 4; i++) {
      r[i] = sInv[i] - lam[i];
    }
    double[] mu = m.mean(0);
    double[] g = mul(sInv, new double[] {mu[0] - M_STAR[0], mu[1] - M_STAR[1]}, 2);
    return new NgEstimate(1, 2, false, r, g);
  }

  /** Log-density of the unnormalised Gaussian target {@code −½(x−m*)ᵀS*⁻¹(x−m*)} and its gradient. */
  public static double[] gaussianTargetLogP(double[] x, int n, double[] gradOut) {
    double[] sInv = inverse(S_STAR, 2);
    double[] lp = new double[n];
    for (int s = 0; s < n; s++) {
      double[] dx = {x[2 * s] - M_STAR[0], x[2 * s + 1] - M_STAR[1]};
      double[] sd = mul(sInv, dx, 2);
      lp[s] = -0.5 * (dx[0] * sd[0] + dx[1] * sd[1]);
      gradOut[2 * s] = -sd[0];
      gradOut[2 * s + 1] = -sd[1];
    }
    return lp;
  }

  /** Bookkeeping for {@code k} components with the given step size and ridge 1e−12. */
  public static ComponentBookkeeping book(int k, double stepsize) {
    return new ComponentBookkeeping(k, 2, stepsize, 1e-12);
  }

  // ---------------------------------------------------------------- §5.4 item 11

  /** Model of item 11: {@code w = [0.4, 0.6]}. */
  public static GmmModel item11Model() {
    return GmmModel.fromCovariances(new double[] {0.4, 0.6}, new double[] {-1, 0, 1, 0.5},
        new double[] {1, 0.2, 0.2, 0.6, 0.7, -0.1, -0.1, 0.9}, 2);
  }

  /** The 10 samples of item 11 (5 from component 0, then 5 from component 1). */
  public static final double[] ITEM11_X = {-1.5, 0.3, -0.8, -0.6, -1.2, 0.9, -0.3, 0.1, -2.0, -0.4,
      0.6, 1.2, 1.4, 0.2, 0.9, 0.8, 1.8, 1.1, 0.2, -0.3};

  /** Mapping of item 11: the drawing component. */
  public static final int[] ITEM11_MAP = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

  /** Background log-densities of item 11, as printed in the spec. */
  public static final double[] ITEM11_LOGQBG = {-2.4970400337, -2.5791446653, -2.9852045556,
      -2.2254783317, -2.7758616552, -2.4510920389, -2.3777111496, -2.2003316265, -3.0038284047,
      -2.5281081693};

  /** Banana target {@code −½(x₀²/4 + (x₁ − ½x₀²)²)}; gradient into {@code gradOut}. */
  public static double[] bananaLogP(double[] x, int n, double[] gradOut) {
    double[] lp = new double[n];
    for (int s = 0; s < n; s++) {
      double x0 = x[2 * s];
      double x1 = x[2 * s + 1];
      double t = x1 - 0.5 * x0 * x0;
      lp[s] = -0.5 * (x0 * x0 / 4 + t * t);
      gradOut[2 * s] = -x0 / 4 + t * x0;
      gradOut[2 * s + 1] = -t;
    }
    return lp;
  }

  /** The item-11 batch with the spec's printed background densities. */
  public static SampleBatch item11Batch() {
    double[] grad = new double[20];
    double[] lp = bananaLogP(ITEM11_X, 10, grad);
    return new SampleBatch(10, 2, ITEM11_X.clone(), ITEM11_MAP.clone(), ITEM11_LOGQBG.clone(), lp,
        grad);
  }
}
