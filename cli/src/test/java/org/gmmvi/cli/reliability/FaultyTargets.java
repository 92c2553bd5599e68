package org.gmmvi.cli.reliability;

import org.gmmvi.core.target.Target;

/**
 * Deliberately broken user targets for the reliability tests, all based on the 2-D Gaussian
 * {@code N(x; (1, −2), I)}. Each has the {@code (long seed)} constructor the runner looks for.
 */
public final class FaultyTargets {

  private FaultyTargets() {}

  /** The healthy base target: {@code N(x; (1, −2), I)} in two dimensions. */
  public static class Base implements Target {
    static final double[] MEAN = {1, -2};

    /** Seed unused. */
    public Base(long seed) {}

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      for (int i = 0; i < n; i++) {
        double lp = -Math.log(2 * Math.PI);
        for (int j = 0; j < 2; j++) {
          double r = x[i * 2 + j] - MEAN[j];
          lp -= 0.5 * r * r;
          if (gradient != null) {
            gradient[i * 2 + j] = -r;
          }
        }
        logDensity[i] = lp;
      }
    }
  }

  /** Returns NaN for every sample. */
  public static final class AllNaN extends Base {
    /** Seed unused. */
    public AllNaN(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      super.evaluate(x, n, logDensity, gradient);
      java.util.Arrays.fill(logDensity, 0, n, Double.NaN);
    }
  }

  /** Returns +∞ for every sample. */
  public static final class AllPosInf extends Base {
    /** Seed unused. */
    public AllPosInf(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      super.evaluate(x, n, logDensity, gradient);
      java.util.Arrays.fill(logDensity, 0, n, Double.POSITIVE_INFINITY);
    }
  }

  /** Returns −∞ for every sample (zero density everywhere). */
  public static final class AllNegInf extends Base {
    /** Seed unused. */
    public AllNegInf(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      super.evaluate(x, n, logDensity, gradient);
      java.util.Arrays.fill(logDensity, 0, n, Double.NEGATIVE_INFINITY);
    }
  }

  /**
   * Bad values on some samples: NaN where {@code x₀ > 2.5}, +∞ where {@code x₁ > 0}, −∞ where
   * {@code x₁ < −4.5} (a few percent of the samples of a model near the target).
   */
  public static final class SomeNonFinite extends Base {
    /** Seed unused. */
    public SomeNonFinite(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      super.evaluate(x, n, logDensity, gradient);
      for (int i = 0; i < n; i++) {
        if (x[i * 2] > 2.5) {
          logDensity[i] = Double.NaN;
        } else if (x[i * 2 + 1] > 0) {
          logDensity[i] = Double.POSITIVE_INFINITY;
        } else if (x[i * 2 + 1] < -4.5) {
          logDensity[i] = Double.NEGATIVE_INFINITY;
        }
      }
    }
  }

  /** Throws on every call. */
  public static final class Throwing extends Base {
    /** Seed unused. */
    public Throwing(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      throw new IllegalStateException("simulator crashed");
    }
  }

  /** Writes only the first gradient column (a gradient of shape n × 1 instead of n × 2). */
  public static final class ShortGradient extends Base {
    /** Seed unused. */
    public ShortGradient(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      double[] g = gradient == null ? null : new double[n * 2];
      super.evaluate(x, n, logDensity, g);
      if (gradient != null) {
        for (int i = 0; i < n; i++) {
          gradient[i] = g[i * 2];
        }
      }
    }
  }

  /** Writes a gradient of shape n × 3 (one column too many): overruns the n × 2 array. */
  public static final class LongGradient extends Base {
    /** Seed unused. */
    public LongGradient(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      super.evaluate(x, n, logDensity, null);
      if (gradient != null) {
        for (int i = 0; i < n * 3; i++) {
          gradient[i] = -0.5;
        }
      }
    }
  }

  /** Reports dimension 0. */
  public static final class ZeroDimension extends Base {
    /** Seed unused. */
    public ZeroDimension(long seed) {
      super(seed);
    }

    @Override
    public int dimension() {
      return 0;
    }
  }

  /** Its constructor throws. */
  public static final class FailingConstructor extends Base {
    /** Always throws. */
    public FailingConstructor(long seed) {
      super(seed);
      throw new IllegalStateException("license server unreachable");
    }
  }

  /** No usable constructor (neither {@code (long)} nor no-arg). */
  public static final class NoConstructor extends Base {
    /** Needs a string. */
    public NoConstructor(String s) {
      super(0);
    }
  }

  /**
   * An intermittent fault: NaN log-density where {@code x₀ > 2.5} (dropped and counted by the
   * policy) and an exception on call 60, 160, 260, … of each instance (1 % of the batches).
   */
  public static final class Intermittent extends Base {
    private int calls;

    /** Seed unused. */
    public Intermittent(long seed) {
      super(seed);
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      if (++calls % 100 == 60) {
        throw new IllegalStateException("intermittent fault on call " + calls);
      }
      super.evaluate(x, n, logDensity, gradient);
      for (int i = 0; i < n; i++) {
        if (x[i * 2] > 2.5) {
          logDensity[i] = Double.NaN;
        }
      }
    }
  }
}
