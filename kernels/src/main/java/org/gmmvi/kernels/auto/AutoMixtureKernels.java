package org.gmmvi.kernels.auto;

import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.MixtureKernels;

/**
 * Mixture kernels: the log-densities and the score go to the Vector API backend (lanes over
 * samples), then OpenBLAS, then scalar. Measured (JMH sample mode, N = 2000, K = 10, D = 20, one
 * thread, best case, benchmarks/README.md): log-densities panama 657 µs (12.2 GFLOP/s), openblas
 * 1909 µs, scalar 5366 µs, EJML 14647 µs; score panama 1610 µs, openblas 3260 µs, scalar
 * 30081 µs. The log-sum-exp, responsibilities and diagonal variants are memory-bound one-pass
 * loops and run scalar.
 */
final class AutoMixtureKernels implements MixtureKernels {

  private final MixtureKernels fast;
  private final MixtureKernels scalar;
  private final String fastName;

  AutoMixtureKernels(Kernels scalar, Kernels panama, Kernels openblas, DenseKernels dense) {
    Kernels best = AutoKernels.first(panama, openblas, scalar);
    // The Vector API score forms precision matrices; let the size-routed dense kernels do that.
    this.fast = best.mixture().withDense(dense);
    this.fastName = best.name();
    this.scalar = scalar.mixture();
  }

  String describe() {
    return "log-densities and score " + fastName + ", rest scalar";
  }

  @Override
  public void componentLogDensities(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    fast.componentLogDensities(x, row0, n, d, means, chols, k, out);
  }

  @Override
  public void componentLogDensitiesDiag(double[] x, int row0, int n, int d, double[] means,
      double[] stds, int k, double[] out) {
    scalar.componentLogDensitiesDiag(x, row0, n, d, means, stds, k, out);
  }

  @Override
  public void mixtureLogDensity(double[] comp, int row0, double[] logw, int n, int k,
      double[] out) {
    scalar.mixtureLogDensity(comp, row0, logw, n, k, out);
  }

  @Override
  public void logResponsibilities(double[] comp, int row0, double[] logw, double[] mix, int n,
      int k, double[] out) {
    scalar.logResponsibilities(comp, row0, logw, mix, n, k, out);
  }

  @Override
  public void mixtureScore(double[] x, int row0, int n, int d, double[] means, double[] chols,
      int k, double[] logResp, double[] out) {
    fast.mixtureScore(x, row0, n, d, means, chols, k, logResp, out);
  }

  @Override
  public void mixtureScoreDiag(double[] x, int row0, int n, int d, double[] means, double[] stds,
      int k, double[] logResp, double[] out) {
    scalar.mixtureScoreDiag(x, row0, n, d, means, stds, k, logResp, out);
  }
}
