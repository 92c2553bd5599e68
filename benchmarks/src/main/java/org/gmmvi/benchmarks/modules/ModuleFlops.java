package org.gmmvi.benchmarks.modules;

import java.util.Locale;
import org.gmmvi.benchmarks.iteration.FlopModel;

/**
 * FLOP estimates of the module benchmarks (conventions of {@link FlopModel}: a multiply-add is 2
 * FLOP, a {@code D × D} triangular solve {@code D²}). {@code N} batch samples, {@code K} components,
 * dimension {@code D}, {@code P = D(D+1)/2 + D + 1} MORE features.
 * <pre>
 *   Stein estimate     7·N·K·D²   (log-densities N·K·D², mixture score 2·N·K·D², per component two
 *                                   solves 2·N·D² and the weighted outer product 2·N·D²)
 *   MORE estimate      N·K·D² + K·(N·D² + 2·N·P² + P³/3)   (log-densities, whitening, Gram matrix,
 *                                   Cholesky of the P × P system)
 *   TR update          Σ_o n_o·D³    (n_o KL evaluations of the η search of component o, each a
 *                                   Cholesky, a triangular inverse and a trace product: ≈ D³)
 *   weight update      N·K·D²       (log-densities of the batch under the updated components)
 *   selection          N_old·K·D² + N·2K·D² + N_new·D² + N_new·f_target   (effective sample sizes
 *                                   of the reused window, background densities of the returned
 *                                   window with ≤ 2K Gaussians, sampling, target evaluations)
 * </pre>
 */
public final class ModuleFlops {

  private ModuleFlops() {}

  public static double stein(int n, int k, int d) {
    return 7.0 * n * k * (double) d * d;
  }

  public static double more(int n, int k, int d) {
    double p = d * (d + 1) / 2.0 + d + 1;
    return (double) n * k * d * d + k * (n * (double) d * d + 2.0 * n * p * p + p * p * p / 3.0);
  }

  public static double trustRegion(long klEvaluations, int d) {
    return klEvaluations * (double) d * d * d;
  }

  public static double weights(int n, int k, int d) {
    return (double) n * k * d * d;
  }

  public static double selection(int nOld, int nNew, int k, int d, double targetFlops) {
    int n = nOld + nNew;
    return (double) nOld * k * d * d + 2.0 * n * k * d * d + (double) nNew * d * d
        + nNew * targetFlops;
  }

  /** The line a module benchmark prints once per trial. */
  public static String line(String module, int d, double flopsPerOp) {
    return String.format(Locale.ROOT, "# module %s D=%d: est. FLOP/op=%.4g (GFLOP/s = FLOP/op / "
        + "(ns/op); peak 2 cores %.0f, 1 core %.0f GFLOP/s)", module, d, flopsPerOp,
        FlopModel.PEAK_TWO_CORES_GFLOPS, FlopModel.PEAK_ONE_CORE_GFLOPS);
  }
}
