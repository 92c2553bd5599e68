package org.gmmvi.cli.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gmmvi.cli.usertarget.UserTargetLoader;
import org.gmmvi.core.target.Target;

/**
 * A user-supplied target class ({@code --target-class}, {@code --classpath}). Its default
 * experiment config is a single Gaussian {@code N(0, I)} as initial model (override with
 * {@code --config}); default budgets are 1,000,000 (full) and 50,000 (smoke) target evaluations.
 */
public final class UserTargetProblem implements RunProblem {

  /** Default budgets of user targets (a runner choice, not from the paper). */
  public static final long FULL_BUDGET = 1_000_000L;
  /** Smoke budget of user targets. */
  public static final long SMOKE_BUDGET = 50_000L;

  private final String className;
  private final String classpath;
  private final int dimension;

  /**
   * Loads the class once (with seed 0) to check it and read its dimension.
   *
   * @throws org.gmmvi.cli.error.UsageException for every loading problem
   */
  public UserTargetProblem(String className, String classpath) {
    this.className = className;
    this.classpath = classpath;
    this.dimension = UserTargetLoader.load(className, classpath, 0L).dimension();
    if (dimension < 1) {
      throw new org.gmmvi.cli.error.UsageException("user target '" + className
          + "' reports dimension " + dimension + "; it must be >= 1");
    }
  }

  /** The fully qualified target class. */
  public String className() {
    return className;
  }

  /** The class path of the target class (null: the runner's own). */
  public String classpath() {
    return classpath;
  }

  @Override
  public String name() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public Instance instantiate(long seed) {
    Target t = UserTargetLoader.load(className, classpath, seed);
    return new Instance(t, Metrics.NONE);
  }

  @Override
  public Map<String, Object> experimentConfig(String codeword) {
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("use_diagonal_covs", false);
    init.put("num_initial_components", 1);
    init.put("prior_mean", 0.0);
    init.put("prior_scale", 1.0);
    init.put("initial_cov", 1.0);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model_initialization", init);
    c.put("use_sample_database", true);
    c.put("max_database_size", 10_000_000);
    c.put("temperature", 1.0);
    return c;
  }

  @Override
  public long budget(String which) {
    return "smoke".equals(which) ? SMOKE_BUDGET : FULL_BUDGET;
  }
}
