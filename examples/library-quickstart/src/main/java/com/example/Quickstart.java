package com.example;

import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.GmmviOptimizer;
import org.gmmvi.core.target.Target;

/**
 * The library route end to end: a user target (a correlated 2-D Gaussian), the paper's
 * recommended codeword SAMTRON, 300 iterations, and the fitted mixture's moments checked against
 * the target's. Exits with status 1 if they are not recovered.
 */
public final class Quickstart {

  /** {@code N(x; m, S)} with {@code m = (1, -2)}, {@code S = [[1, 0.5], [0.5, 2]]}. */
  static final class CorrelatedGaussian implements Target {
    static final double[] MEAN = {1, -2};
    static final double[] COV = {1, 0.5, 0.5, 2};
    private static final double DET = COV[0] * COV[3] - COV[1] * COV[2];
    private static final double[] PREC = {COV[3] / DET, -COV[1] / DET, -COV[2] / DET,
        COV[0] / DET};

    @Override
    public int dimension() {
      return 2;
    }

    /** Batched: {@code x} is {@code n × 2} row-major; writes {@code n} log-densities and gradients. */
    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
      for (int i = 0; i < n; i++) {
        double r0 = x[2 * i] - MEAN[0];
        double r1 = x[2 * i + 1] - MEAN[1];
        double g0 = -(PREC[0] * r0 + PREC[1] * r1);
        double g1 = -(PREC[2] * r0 + PREC[3] * r1);
        logDensity[i] = 0.5 * (r0 * g0 + r1 * g1) - Math.log(2 * Math.PI) - 0.5 * Math.log(DET);
        if (gradient != null) {
          gradient[2 * i] = g0;
          gradient[2 * i + 1] = g1;
        }
      }
    }
  }

  public static void main(String[] args) {
    try (GmmviOptimizer opt = GmmviOptimizer.builder()
        .codeword("SAMTRON")
        .yaml("model_initialization: {num_initial_components: 1, prior_mean: 0.0,"
            + " prior_scale: 1.0, initial_cov: 1.0}")
        .target(new CorrelatedGaussian())
        .seed(1)
        .build()) {
      for (int i = 0; i < 300; i++) {
        opt.step();
      }
      GmmModel q = opt.model();
      System.out.println(q);
      double[] mean = q.mean();
      double[] cov = q.covariance();
      System.out.printf("mean %.4f %.4f (target 1, -2)%n", mean[0], mean[1]);
      System.out.printf("covariance %.4f %.4f %.4f %.4f (target 1, 0.5, 0.5, 2)%n", cov[0],
          cov[1], cov[2], cov[3]);
      double err = 0;
      for (int i = 0; i < 2; i++) {
        err = Math.max(err, Math.abs(mean[i] - CorrelatedGaussian.MEAN[i]));
      }
      for (int i = 0; i < 4; i++) {
        err = Math.max(err, Math.abs(cov[i] - CorrelatedGaussian.COV[i]));
      }
      if (!(err < 0.05)) {
        System.err.println("quickstart: the target's moments were not recovered (max error "
            + err + ")");
        System.exit(1);
      }
      System.out.println("quickstart: recovered the target's mean and covariance (max error "
          + String.format("%.2g", err) + ")");
    }
  }
}
