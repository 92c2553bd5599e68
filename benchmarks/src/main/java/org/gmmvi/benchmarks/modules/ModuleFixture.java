package org.gmmvi.benchmarks.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.benchmarks.iteration.IterationFixture;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.optimizer.GmmviOptimizer;
import org.gmmvi.core.sample.SampleBatch;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.problems.gmm.GmmTarget;
import org.gmmvi.problems.numpy.NumpyTargetRecipes;

/**
 * The warmed-up state the module benchmarks start from, for one dimension {@code D}: the GMM target
 * recipe of PROBLEMS.md §4.5 ({@code np.random.seed(10000)}, 10 target components, means in
 * {@code [−50, 50]^D}), an optimizer with {@value #K} components (fixed: letter E) and the
 * component-based selector ({@code n_des} = {@value #N_DES} samples per component, reuse ratio
 * {@code ρ = 1}: {@code n_des·K} database samples are reused every iteration), run for
 * {@value #WARMUP} iterations with seed 10000. What a module sees is then the optimizer's model,
 * bookkeeping and database, and the batch the selector returns ({@code newest(2·n_des·K)} =
 * {@value #N_DES}·{@value #K} reused plus as many new samples).
 *
 * <p>Codeword {@code SEMTRON} (Stein; gradients stored) or {@code ZEMTRON} (MORE; no gradients).
 */
public final class ModuleFixture {

  /** Components of the model. */
  public static final int K = 10;
  /** Desired samples per component. */
  public static final int N_DES = 100;
  /** Iterations run before the state is taken. */
  public static final int WARMUP = 5;
  /** Soft size limit of the database (thinning halves it when exceeded). */
  public static final int MAX_DATABASE_SIZE = 20_000;

  public final int d;
  public final GmmTarget target;
  public final GmmviOptimizer optimizer;
  public final GmmModel model;
  public final ComponentBookkeeping book;
  public final SampleDatabase db;
  public final SampleBatch batch;

  private ModuleFixture(int d, GmmTarget target, GmmviOptimizer optimizer) {
    this.d = d;
    this.target = target;
    this.optimizer = optimizer;
    this.model = optimizer.model();
    this.book = optimizer.bookkeeping();
    this.db = optimizer.database();
    this.batch = db.newest(2 * N_DES * K);
  }

  /**
   * Builds and warms up the state.
   *
   * @param d    dimension
   * @param more whether the estimator is MORE (else Stein)
   */
  public static ModuleFixture create(int d, boolean more) {
    NumpyTargetRecipes.MixtureParameters p = NumpyTargetRecipes.gmm(IterationFixture.SEED, d);
    GmmTarget t = GmmTarget.of("gmm" + d + "/seed10000", p.weights(), p.means(), p.matrices());
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("num_initial_components", K);
    init.put("prior_mean", 0.0);
    init.put("prior_scale", 31.63);
    init.put("initial_cov", 1000.0);
    init.put("use_diagonal_covs", false);
    Map<String, Object> sel = new LinkedHashMap<>();
    sel.put("desired_samples_per_component", N_DES);
    sel.put("ratio_reused_samples_to_desired", 1.0);
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("model_initialization", init);
    cfg.put("sample_selector_config", sel);
    cfg.put("use_sample_database", true);
    cfg.put("max_database_size", MAX_DATABASE_SIZE);
    GmmviOptimizer opt = GmmviOptimizer.builder().codeword(more ? "ZEMTRON" : "SEMTRON")
        .config(cfg).target(t).seed(IterationFixture.SEED).threads(1).build();
    for (int i = 0; i < WARMUP; i++) {
      opt.step();
    }
    IterationFixture.checkModel(opt.model(), "module fixture D=" + d);
    return new ModuleFixture(d, t, opt);
  }

  /** Every entry of {@code v} finite, else an {@link IllegalStateException} naming {@code what}. */
  public static void requireFinite(double[] v, String what) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalStateException(what + "[" + i + "] = " + v[i] + " is not finite");
      }
    }
  }

  /** Checks an NG estimate: all {@code Rneg} and {@code gneg} entries finite. */
  public static void requireFinite(NgEstimate e, String what) {
    requireFinite(e.rneg(), what + ".rneg");
    requireFinite(e.gneg(), what + ".gneg");
  }

  /** A one-line description of the state for the benchmark output. */
  public String describe() {
    return "# module state: D=" + d + ", K=" + model.numComponents() + ", batch N=" + batch.n()
        + ", database size=" + db.size() + ", threads=1";
  }

  /** Dimensions of the suite (as strings for {@code @Param}). */
  public static final List<String> DIMENSIONS = List.of("2", "20", "100", "300");
}
