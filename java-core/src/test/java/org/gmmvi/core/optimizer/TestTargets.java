package org.gmmvi.core.optimizer;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;

/** Targets with known answers for the optimizer tests. */
final class TestTargets {

  private TestTargets() {}

  /** The correlated Gaussian of ALGORITHM.md §5.6 item 23: {@code N([1, −1], [[2, 0.5], [0.5, 1]])}. */
  static final double[] MEAN = {1, -1};
  static final double[] COV = {2, 0.5, 0.5, 1};

  /** A normalised Gaussian target {@code N(m, S)} in 2-D ({@code log Z = 0}). */
  static Target gaussian2d(double[] m, double[] s) {
    double det = s[0] * s[3] - s[1] * s[2];
    double[] p = {s[3] / det, -s[1] / det, -s[2] / det, s[0] / det};
    double logNorm = -Math.log(2 * Math.PI) - 0.5 * Math.log(det);
    return of(2, true, (x, n, lp, grad) -> {
      for (int i = 0; i < n; i++) {
        double a = x[2 * i] - m[0];
        double b = x[2 * i + 1] - m[1];
        double ga = p[0] * a + p[1] * b;
        double gb = p[2] * a + p[3] * b;
        lp[i] = logNorm - 0.5 * (a * ga + b * gb);
        if (grad != null) {
          grad[2 * i] = -ga;
          grad[2 * i + 1] = -gb;
        }
      }
    });
  }

  /** The body of {@link Target#evaluate}. */
  interface Evaluation {
    void evaluate(double[] x, int n, double[] lp, double[] grad);
  }

  /** A target of dimension {@code d} from its evaluation function. */
  static Target of(int d, boolean threadSafe, Evaluation e) {
    return new Target() {
      @Override
      public int dimension() {
        return d;
      }

      @Override
      public void evaluate(double[] x, int n, double[] lp, double[] grad) {
        e.evaluate(x, n, lp, grad);
      }

      @Override
      public boolean threadSafe() {
        return threadSafe;
      }
    };
  }

  /** A normalised GMM target with the density of {@code q} (exact log-density and score). */
  static Target mixture(GmmModel q) {
    return new Target() {
      @Override
      public int dimension() {
        return q.dimension();
      }

      @Override
      public synchronized void evaluate(double[] x, int n, double[] lp, double[] grad) {
        double[] l = new double[n];
        double[] g = new double[n * q.dimension()];
        q.logDensityAndScore(x, n, l, g);
        System.arraycopy(l, 0, lp, 0, n);
        if (grad != null) {
          System.arraycopy(g, 0, grad, 0, n * q.dimension());
        }
      }
    };
  }

  /**
   * A randomized target (like a mini-batch likelihood): {@code log p̃(x) + 0.01·ξ}, {@code ξ ~ N(0,1)}
   * from its own generator, gradients exact.
   */
  static RandomizedTarget noisy(Target base, long seed) {
    Rng r = new Rng(seed);
    return new RandomizedTarget() {
      @Override
      public Rng random() {
        return r;
      }

      @Override
      public int dimension() {
        return base.dimension();
      }

      @Override
      public void evaluate(double[] x, int n, double[] lp, double[] grad) {
        base.evaluate(x, n, lp, grad);
        for (int i = 0; i < n; i++) {
          lp[i] += 0.01 * r.nextGaussian();
        }
      }
    };
  }
}
