package org.gmmvi.benchmarks.iteration;

import java.util.Locale;
import org.gmmvi.core.optimizer.IterationRecord;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.problems.logreg.LogisticRegressionTarget;
import org.gmmvi.problems.mixture.WhitenedMixtureTarget;
import org.gmmvi.problems.planar.PlanarRobotTarget;

/**
 * Floating-point operation estimates of one GMMVI iteration and the machine's peak, for reporting
 * the fraction of peak a benchmark reaches. A multiply-add counts as 2 FLOP; a triangular solve with
 * a {@code D × D} factor as {@code D²} FLOP, a dense {@code D × D} matrix-vector product as
 * {@code 2·D²}.
 *
 * <p>Estimate of one iteration with {@code N} samples used by the estimators (reused plus new),
 * {@code N_new} new target evaluations, {@code K} components (full covariances) in dimension {@code D}:
 * <pre>
 *   F_iter   = F_model + F_target
 *   F_model  = 2 · N · K · D²          (log N(x_n; μ_o, L_o) for every sample and component: one
 *                                       forward substitution, D²; the score ∇log q: one back
 *                                       substitution, D²)
 *   F_target = N_new · f_target       (per evaluation, value and gradient if the estimator is Stein)
 *     mixture targets (GMM, STM; K_t components, whitened):  f = 2·K_t·D² (value) + 2·K_t·D² (gradient)
 *     logistic regression (R data rows):                      f = 2·R·D   (value) + 2·R·D   (gradient)
 *     planar robot (10 links):                                f ≈ 30·D (negligible; trigonometry dominates)
 * </pre>
 * This is a floor: it omits the per-component {@code O(D³)} factorisations of the updaters, the
 * Stein outer products and MORE's {@code O(N·P² + P³)} regression, so the fraction of peak it yields
 * is a lower bound on what the iteration really sustains in its dense parts.
 *
 * <p>Peak: 2 cores of an AMD EPYC (Zen 3, AVX2 + 2 FMA units): 16 double FLOP per cycle per core at
 * ~2.45 GHz, i.e. {@value #PEAK_ONE_CORE_GFLOPS} GFLOP/s per core, {@value #PEAK_TWO_CORES_GFLOPS} for
 * both (docs/TOOLCHAIN.md).
 */
public final class FlopModel {

  /** Peak of one core, GFLOP/s. */
  public static final double PEAK_ONE_CORE_GFLOPS = 39.0;
  /** Peak of the 2-core machine, GFLOP/s. */
  public static final double PEAK_TWO_CORES_GFLOPS = 78.0;

  private FlopModel() {}

  /** {@code f_target}: FLOP of one target evaluation (see the class formula). */
  public static double targetFlopsPerEvaluation(Target t, boolean gradient) {
    int d = t.dimension();
    double value;
    if (t instanceof WhitenedMixtureTarget m) {
      value = 2.0 * m.numComponents() * d * (double) d;
    } else if (t instanceof LogisticRegressionTarget lr) {
      value = 2.0 * lr.data().numRows() * (double) d;
    } else if (t instanceof PlanarRobotTarget) {
      return 30.0 * d;
    } else {
      value = 2.0 * d * (double) d;
    }
    return gradient ? 2 * value : value;
  }

  /** {@code F_model = 2·N·K·D²} (see the class formula). */
  public static double modelFlops(int n, int k, int d) {
    return 2.0 * n * k * (double) d * d;
  }

  /** {@code F_iter} of one recorded iteration ({@code K} of the update = step-size array length). */
  public static double iterationFlops(IterationRecord r, Target t, boolean gradient) {
    int k = r.componentStepsizes().length;
    return modelFlops(r.numSamplesUsed(), k, t.dimension())
        + r.numNewSamples() * targetFlopsPerEvaluation(t, gradient);
  }

  /** One line naming the kernel backend, threads and JVM, printed once per trial. */
  public static String environmentLine(int threads) {
    return String.format(Locale.ROOT, "# gmmvi: backend=%s, target-evaluation threads=%d, "
        + "available processors=%d, JDK %s", KernelProvider.get().name(), threads,
        Runtime.getRuntime().availableProcessors(), Runtime.version());
  }
}
