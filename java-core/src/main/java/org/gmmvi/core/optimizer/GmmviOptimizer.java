package org.gmmvi.core.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gmmvi.core.adaptation.ComponentAdaptation;
import org.gmmvi.core.config.Codeword;
import org.gmmvi.core.config.ComponentAdaptationConfig;
import org.gmmvi.core.config.ConfigException;
import org.gmmvi.core.config.GmmviConfig;
import org.gmmvi.core.config.ModelInitialization;
import org.gmmvi.core.config.NgEstimatorType;
import org.gmmvi.core.config.YamlConfig;
import org.gmmvi.core.model.ComponentBookkeeping;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.ngestimate.NgEstimate;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.sample.SampleDatabase;
import org.gmmvi.core.sample.Selection;
import org.gmmvi.core.target.RandomizedTarget;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;
import org.gmmvi.kernels.parallel.ParallelKernels;

/**
 * The unified GMMVI optimizer (Arenz et al., TMLR 2023; ALGORITHM.md §1.6): each iteration takes
 * independent natural-gradient steps for every component and for the weights, using the seven
 * modules named by the codeword.
 *
 * <pre>
 *   GmmviOptimizer opt = GmmviOptimizer.builder().codeword("SAMTRON").yaml(yaml).target(t).seed(1).build();
 *   for (int i = 0; i &lt; 1000; i++) { IterationRecord r = opt.step(); }
 *   GmmModel q = opt.model();
 * </pre>
 *
 * Not thread-safe. {@link #close()} stops the target-evaluation threads (they are daemons, so not
 * closing is harmless).
 */
public final class GmmviOptimizer implements AutoCloseable {

  private final GmmviConfig config;
  private final Target target;
  private final TargetEvaluator evaluator;
  private final Modules modules;
  private final Rng rng;
  private final long seed;
  private GmmModel model;
  private ComponentBookkeeping book;
  private final SampleDatabase db;
  private int iteration;

  private GmmviOptimizer(GmmviConfig config, Target target, TargetEvaluator evaluator,
      Modules modules, Rng rng, long seed, GmmModel model, ComponentBookkeeping book,
      SampleDatabase db) {
    this.config = config;
    this.target = target;
    this.evaluator = evaluator;
    this.modules = modules;
    this.rng = rng;
    this.seed = seed;
    this.model = model;
    this.book = book;
    this.db = db;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** One iteration of ALGORITHM.md §1.6. */
  public IterationRecord step() {
    double tau = config.temperature();
    long droppedBefore = evaluator.totalDropped();
    evaluator.setIteration(iteration + 1);
    long t0 = System.nanoTime();
    Selection sel = modules.selector().select(model, db, evaluator, rng);          // 1. samples
    db.countExtraEvaluations(sel.dropped());
    long t1 = System.nanoTime();
    modules.componentStep().updateStepsizes(book);                                  // 2. step sizes
    double[] stepsizes = book.stepsizes();
    NgEstimate ng = modules.estimator().estimate(model, book, sel.batch());         // 3. estimate
    long t2 = System.nanoTime();
    boolean[] ok = modules.updater().apply(model, book, ng, tau);                   // 4. components
    long t3 = System.nanoTime();
    double wStep = modules.weightStep().next(model, book);                          // 5. weight step
    modules.weightUpdater().update(model, book, sel.batch(), wStep, tau);           // 6. weights
    long t4 = System.nanoTime();
    iteration++;                                                                    // 7. t ← t + 1
    ComponentAdaptation.Result ad =
        modules.adaptation().adapt(iteration, model, book, db, evaluator, rng);    // 8. adapt K
    long t5 = System.nanoTime();
    int failed = 0;
    for (boolean b : ok) {
      failed += b ? 0 : 1;
    }
    return new IterationRecord(iteration, numTargetEvaluations(), model.numComponents(),
        stepsizes, wStep, sel.numNewSamples(), sel.batch().n(),
        (int) (evaluator.totalDropped() - droppedBefore), ad.added(), ad.removed(), failed,
        t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4);
  }

  /** The live model (treat as read-only; {@code model().copy()} to keep a snapshot). */
  public GmmModel model() {
    return model;
  }

  /** The live per-component bookkeeping (read-only use). */
  public ComponentBookkeeping bookkeeping() {
    return book;
  }

  /** The sample database (read-only use). */
  public SampleDatabase database() {
    return db;
  }

  /** Completed iterations. */
  public int iteration() {
    return iteration;
  }

  /** Target evaluations so far: the database's {@code numSamplesWritten} (prior and dropped samples included). */
  public long numTargetEvaluations() {
    return db.numSamplesWritten();
  }

  /** Samples dropped by the bad-sample policy since the start of the run. */
  public long totalDroppedSamples() {
    return evaluator.totalDropped();
  }

  /** The fully resolved config ({@code config().toYaml()} reloads via {@link Builder#yaml}). */
  public GmmviConfig config() {
    return config;
  }

  /** The seed the run was started with. */
  public long seed() {
    return seed;
  }

  /** The target. */
  public Target target() {
    return target;
  }

  /** The complete state (see {@link OptimizerState}). */
  public OptimizerState saveState() {
    return new OptimizerState(
        new OptimizerState.Header(config.codeword().toCodeword(), model.dimension(),
            model.isDiagonal(), config.fingerprint(), seed, iteration, evaluator.totalDropped()),
        modelSnapshot(), bookkeepingSnapshot(), db.snapshot(),
        new OptimizerState.ModuleStates(modules.adaptation().saveState(),
            modules.weightStep().saveState()),
        new OptimizerState.Generators(rng.state(),
            target instanceof RandomizedTarget rt ? rt.random().state() : null));
  }

  private OptimizerState.ModelSnapshot modelSnapshot() {
    int k = model.numComponents();
    return new OptimizerState.ModelSnapshot(model.logWeights(),
        Arrays.copyOf(model.meansArray(), k * model.dimension()),
        Arrays.copyOf(model.cholsArray(), k * model.factorSize()));
  }

  private OptimizerState.BookkeepingSnapshot bookkeepingSnapshot() {
    ComponentBookkeeping b = book;
    int k = b.size();
    int lh = b.historyLength();
    long[] ids = new long[k];
    double[] l2 = new double[k];
    double[] eta = new double[k];
    double[] nup = new double[k];
    for (int o = 0; o < k; o++) {
      ids[o] = b.uniqueId(o);
      l2[o] = b.l2reg(o);
      eta[o] = b.lastEta(o);
      nup[o] = b.numUpdates(o);
    }
    return new OptimizerState.BookkeepingSnapshot(lh, b.stepsizes(), l2, eta, nup,
        Arrays.copyOf(b.rewardHistoryArray(), k * lh),
        Arrays.copyOf(b.weightHistoryArray(), k * lh), ids, b.nextUniqueId());
  }

  private void restore(OptimizerState s) {
    OptimizerState.Header h = s.header();
    OptimizerState.BookkeepingSnapshot bs = s.bookkeeping();
    long[] targetRng = s.generators().target();
    check(h.codeword().equals(config.codeword().toCodeword()), "codeword", h.codeword(),
        config.codeword().toCodeword());
    check(h.dimension() == model.dimension(), "dimension", h.dimension(), model.dimension());
    check(h.diagonal() == model.isDiagonal(), "use_diagonal_covs", h.diagonal(),
        model.isDiagonal());
    check(h.fingerprint().equals(config.fingerprint()), "config fingerprint (the algorithm "
        + "settings differ)", h.fingerprint(), config.fingerprint());
    check(bs.historyLength() == book.historyLength(), "history length", bs.historyLength(),
        book.historyLength());
    check((targetRng != null) == (target instanceof RandomizedTarget),
        "randomized target", targetRng != null, target instanceof RandomizedTarget);
    OptimizerState.ModelSnapshot ms = s.model();
    model = GmmModel.create(ms.logWeights(), ms.means(), ms.chols(), h.dimension(), h.diagonal(),
        model.kernels());
    int k = ms.logWeights().length;
    book = new ComponentBookkeeping(k, bs.historyLength(), 0, 0);
    book.restore(k, bs.stepsize(), bs.l2reg(), bs.lastEta(), bs.numUpdates(),
        bs.rewardHistory(), bs.weightHistory(), bs.uniqueId(), bs.nextId());
    try {
      db.restore(s.database());
      modules.adaptation().restoreState(s.modules().adaptation());
      modules.weightStep().restoreState(s.modules().weightStep());
      rng.restore(s.generators().optimizer());
      if (target instanceof RandomizedTarget rt) {
        rt.random().restore(targetRng);
      }
    } catch (IllegalArgumentException e) {
      throw new OptimizerState.InvalidStateException("cannot resume: " + e.getMessage(), e);
    }
    iteration = h.iteration();
    evaluator.setTotalDropped(h.totalDropped());
  }

  private static void check(boolean ok, String what, Object saved, Object current) {
    if (!ok) {
      throw new OptimizerState.InvalidStateException("cannot resume: the saved state's " + what
          + " is " + saved + ", but this optimizer's is " + current);
    }
  }

  @Override
  public void close() {
    evaluator.close();
  }

  // ---------------------------------------------------------------- builder

  /** Builds an optimizer; {@link #build()} validates everything. */
  public static final class Builder {
    private Codeword codeword;
    private final List<Map<String, Object>> configs = new ArrayList<>();
    private Target target;
    private GmmModel initialModel;
    private Long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private OptimizerState resume;
    private Kernels kernels;

    private Builder() {}

    /** The codeword (parse errors: {@link ConfigException}). */
    public Builder codeword(String cw) {
      this.codeword = Codeword.parse(cw);
      return this;
    }

    /** The codeword. */
    public Builder codeword(Codeword cw) {
      this.codeword = cw;
      return this;
    }

    /** A config map (reference keys), deep-merged over the module defaults and earlier configs. */
    public Builder config(Map<String, Object> cfg) {
      configs.add(cfg);
      return this;
    }

    /** As {@link #config(Map)}, from YAML text (loaded safely). */
    public Builder yaml(String yamlText) {
      configs.add(YamlConfig.load(yamlText));
      return this;
    }

    /** The target (required). */
    public Builder target(Target t) {
      this.target = t;
      return this;
    }

    /** The initial model (copied); else it is built from {@code model_initialization}. */
    public Builder initialModel(GmmModel m) {
      this.initialModel = m;
      return this;
    }

    /** The seed of the run's random generator (default: the config's {@code seed}, else 0). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Worker threads (default: available processors): target evaluations, the mixture kernels of
     * the sample batches and the per-component natural-gradient estimates. Results do not depend on
     * the number of threads.
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /**
     * The kernel backend of a model built from the config (default {@link KernelProvider#get()});
     * the target evaluates with the model's backend ({@link Target#useKernels}).
     */
    public Builder kernels(Kernels k) {
      this.kernels = k;
      return this;
    }

    /** Resume from a saved state (validated in {@link #build()}). */
    public Builder resume(OptimizerState s) {
      this.resume = s;
      return this;
    }

    /**
     * Resolves and validates the config, builds the initial model, the modules, the bookkeeping
     * and the database, and applies a resumed state.
     *
     * @throws ConfigException           for config and codeword errors
     * @throws IllegalArgumentException  for dimension mismatches and unsupported combinations
     */
    public GmmviOptimizer build() {
      if (target == null) {
        throw new IllegalArgumentException("a target is required: builder().target(t)");
      }
      int d = target.dimension();
      if (d < 1) {
        throw new IllegalArgumentException("target '" + target.name() + "' has dimension " + d);
      }
      GmmviConfig cfg = GmmviConfig.resolve(codeword, configs);
      long s = seed != null ? seed : cfg.experiment().seed() != null ? cfg.experiment().seed() : 0;
      Rng rng = new Rng(s);
      GmmModel model = withThreads(initialModel(cfg, d, rng), threads);
      target.useKernels(model.kernels());
      checkSupported(cfg, model);
      Modules modules = Modules.create(cfg, d);
      modules.estimator().setParallelism(threads);
      modules.updater().setParallelism(threads);
      ComponentBookkeeping book = new ComponentBookkeeping(model.numComponents(),
          Modules.historyLength(cfg), modules.componentStep().initialStepsize(),
          modules.initialL2reg());
      SampleDatabase db = new SampleDatabase(d, model.isDiagonal(), cfg.useSampleDatabase(),
          cfg.maxDatabaseSize(), modules.estimator().needsGradients(), model.kernels());
      TargetEvaluator ev = new TargetEvaluator(target, threads,
          modules.estimator().needsGradients());
      GmmviOptimizer opt = new GmmviOptimizer(cfg, target, ev, modules, rng, s, model, book, db);
      if (resume != null) {
        opt.restore(resume);
      }
      return opt;
    }

    /**
     * The model with its mixture kernels split over {@code threads} threads (log-densities and
     * scores of the sample batches, the largest single-threaded work of an iteration). Bit-identical
     * to one thread ({@link ParallelKernels}).
     */
    private static GmmModel withThreads(GmmModel m, int threads) {
      Kernels k = ParallelKernels.of(m.kernels(), threads);
      return k == m.kernels() ? m : m.withKernels(k);
    }

    private GmmModel initialModel(GmmviConfig cfg, int d, Rng rng) {
      ModelInitialization mi = cfg.modelInitialization();
      if (initialModel != null) {
        if (initialModel.dimension() != d) {
          throw new IllegalArgumentException("the initial model has dimension "
              + initialModel.dimension() + ", but target '" + target.name() + "' has dimension "
              + d);
        }
        if (mi != null) {
          mi.validate(d, false);
          if (mi.useDiagonalCovs() != initialModel.isDiagonal()) {
            throw new ConfigException("model_initialization.use_diagonal_covs is "
                + mi.useDiagonalCovs() + ", but the given initial model is "
                + (initialModel.isDiagonal() ? "diagonal" : "full"));
          }
        }
        return initialModel.copy();
      }
      if (mi == null) {
        throw new ConfigException("model_initialization is required (keys: "
            + "num_initial_components, prior_mean, prior_scale, initial_cov, use_diagonal_covs) "
            + "unless an initial model is given");
      }
      mi.validate(d, true);
      return InitialModel.build(mi, d, rng, kernels != null ? kernels : KernelProvider.get());
    }

    private static void checkSupported(GmmviConfig cfg, GmmModel model) {
      if (model.isDiagonal() && cfg.codeword().ngEstimator() == NgEstimatorType.MORE) {
        throw new ConfigException("the MORE estimator (Z, codeword " + cfg.codeword()
            + ") supports only full covariances, as the reference (ALGORITHM.md §6 item 15); "
            + "use_diagonal_covs = true needs the Stein estimator (S)");
      }
      if (cfg.componentAdaptation() instanceof ComponentAdaptationConfig.Adaptive a
          && a.numPriorSamples() > 0
          && (cfg.modelInitialization() == null || !cfg.modelInitialization().hasPrior())) {
        throw new ConfigException("num_component_adapter_config.num_prior_samples = "
            + a.numPriorSamples() + " needs a prior: set "
            + "model_initialization.prior_mean and model_initialization.initial_cov");
      }
    }
  }
}
