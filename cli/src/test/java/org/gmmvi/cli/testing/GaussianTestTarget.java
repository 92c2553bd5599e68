package org.gmmvi.cli.testing;

import org.gmmvi.core.target.Target;

/**
 * A cheap user target for the runner's tests: the normalised 2-D Gaussian
 * {@code N(x; (1, −2), diag(1, 0.25))}, so {@code −ELBO = KL(q‖p) ≥ 0}. Has the {@code (long seed)}
 * constructor the runner looks for (the seed is unused).
 */
public final class GaussianTestTarget implements Target {

  private static final double[] MEAN = {1, -2};
  private static final double[] VAR = {1, 0.25};

  /** The seed is ignored: the target is deterministic. */
  public GaussianTestTarget(long seed) {}

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
    for (int i = 0; i < n; i++) {
      double lp = -Math.log(2 * Math.PI) - 0.5 * Math.log(VAR[0] * VAR[1]);
      for (int j = 0; j < 2; j++) {
        double r = x[i * 2 + j] - MEAN[j];
        lp -= 0.5 * r * r / VAR[j];
        if (gradient != null) {
          gradient[i * 2 + j] = -r / VAR[j];
        }
      }
      logDensity[i] = lp;
    }
  }

  @Override
  public boolean threadSafe() {
    return true;
  }
}
