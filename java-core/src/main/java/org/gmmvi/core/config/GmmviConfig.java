package org.gmmvi.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fully resolved, typed and validated configuration of one GMMVI run: the codeword, one record
 * per module, the experiment-level keys of ALGORITHM.md §3.4 and the runner keys.
 *
 * <p>Resolution ({@link #resolve}): the module defaults of the codeword's letters (§3.3), then every
 * given config map in order, deep-merged with "replace" semantics (§3.2). Keys and type strings are
 * the reference's, so the reference's YAML files load unchanged. The codeword defines the seven
 * types; a {@code …_type} key in a config must name the same option (an error names both otherwise).
 * Without a codeword, it is derived from the seven {@code …_type} keys (this is how {@link #toYaml()}
 * output reloads). Unknown keys are errors naming the closest valid key.
 *
 * @param codeword            the seven options
 * @param ngEstimator         position 1
 * @param componentAdaptation position 2
 * @param sampleSelector      position 3
 * @param componentUpdater    position 4
 * @param componentStepsize   position 5
 * @param weightUpdater       position 6
 * @param weightStepsize      position 7
 * @param temperature         {@code τ} (> 0; default 1)
 * @param useSampleDatabase   keep old samples (default true)
 * @param maxDatabaseSize     soft size limit of the database, {@code 0} for none (default 10^7)
 * @param modelInitialization {@code model_initialization}, or {@code null} if absent (then the
 *                            builder needs an explicit initial model)
 * @param experiment          runner keys (ignored by the optimizer except the seed)
 */
public record GmmviConfig(Codeword codeword, NgEstimatorConfig ngEstimator,
    ComponentAdaptationConfig componentAdaptation, SampleSelectorConfig sampleSelector,
    ComponentUpdaterConfig componentUpdater, StepsizeConfig componentStepsize,
    WeightUpdaterConfig weightUpdater, StepsizeConfig weightStepsize, double temperature,
    boolean useSampleDatabase, long maxDatabaseSize, ModelInitialization modelInitialization,
    ExperimentSettings experiment) {

  /** Default of {@code max_database_size} (§3.4). */
  public static final long DEFAULT_MAX_DATABASE_SIZE = 10_000_000L;

  private static final List<String> TOP_LEVEL_KEYS;

  static {
    List<String> k = new ArrayList<>();
    for (ModulePosition p : ModulePosition.values()) {
      k.add(p.typeKey());
      k.add(p.configKey());
    }
    k.addAll(List.of("temperature", "use_sample_database", "max_database_size",
        "model_initialization"));
    k.addAll(ExperimentSettings.KEYS);
    TOP_LEVEL_KEYS = List.copyOf(k);
  }

  /** Every accepted top-level key. */
  public static List<String> topLevelKeys() {
    return TOP_LEVEL_KEYS;
  }

  /** {@link #resolve(Codeword, List)} with a codeword string. */
  public static GmmviConfig resolve(String codeword, List<Map<String, Object>> configs) {
    return resolve(codeword == null ? null : Codeword.parse(codeword), configs);
  }

  /**
   * Resolves a configuration.
   *
   * @param codeword the codeword, or {@code null} to derive it from the {@code …_type} keys
   * @param configs  config maps, deep-merged in order over the module defaults
   * @throws ConfigException naming the key, the value and what is allowed
   */
  public static GmmviConfig resolve(Codeword codeword, List<Map<String, Object>> configs) {
    Map<String, Object> user = new LinkedHashMap<>();
    for (Map<String, Object> c : configs) {
      user = ConfigMaps.deepMerge(user, ConfigMaps.stringKeyed(c, "config"));
    }
    Codeword cw = codeword != null ? codeword : codewordFromTypes(user);
    Map<String, Object> merged = ConfigMaps.deepMerge(cw.defaults(), user);
    return fromMerged(cw, merged);
  }

  /** The codeword named by the seven {@code …_type} keys of {@code map}. */
  public static Codeword codewordFromTypes(Map<String, Object> map) {
    DesignChoice[] opts = new DesignChoice[Codeword.LENGTH];
    for (ModulePosition p : ModulePosition.values()) {
      Object t = map.get(p.typeKey());
      if (t == null) {
        throw new ConfigException("no codeword given and the config has no " + p.typeKey()
            + "; give a codeword (e.g. SAMTRON) or all seven …_type keys");
      }
      opts[p.ordinal()] = typeOption(p, t);
    }
    return Codeword.of(opts);
  }

  private static DesignChoice typeOption(ModulePosition p, Object t) {
    if (!(t instanceof String s)) {
      throw new ConfigException(p.typeKey() + " must be a string, got "
          + ConfigSection.describe(t));
    }
    DesignChoice o = p.byTypeString(s);
    if (o == null) {
      List<String> names = new ArrayList<>();
      for (DesignChoice c : p.options()) {
        names.add(c.typeString());
      }
      throw new ConfigException("unknown " + p.typeKey() + " '" + s + "'"
          + ConfigException.suggestion(s, names) + "; allowed for " + p.describe());
    }
    return o;
  }

  private static GmmviConfig fromMerged(Codeword cw, Map<String, Object> m) {
    for (ModulePosition p : ModulePosition.values()) {
      DesignChoice given = typeOption(p, m.get(p.typeKey()));
      if (given != cw.option(p)) {
        throw new ConfigException(p.typeKey() + " '" + m.get(p.typeKey())
            + "' conflicts with codeword " + cw + ", whose " + p.describe().replaceFirst(" \\(.*",
            "") + " is " + cw.option(p).letter() + " = \"" + cw.option(p).typeString()
            + "\"; the codeword defines the module types (remove the key or change the codeword)");
      }
    }
    ConfigSection top = new ConfigSection("", m);
    for (ModulePosition p : ModulePosition.values()) {
      top.allow(p.typeKey());
    }
    NgEstimatorConfig est = OptionConfigs.ngEstimator(cw.ngEstimator(),
        section(top, ModulePosition.NG_ESTIMATOR));
    ComponentAdaptationConfig ad = OptionConfigs.componentAdaptation(cw.componentAdaptation(),
        section(top, ModulePosition.COMPONENT_ADAPTATION));
    SampleSelectorConfig sel = SampleSelectorConfig.parse(cw.sampleSelector(),
        section(top, ModulePosition.SAMPLE_SELECTOR));
    ComponentUpdaterConfig upd = ComponentUpdaterConfig.parse(cw.componentUpdater(),
        section(top, ModulePosition.COMPONENT_UPDATER));
    StepsizeConfig cs = OptionConfigs.componentStepsize(cw.componentStepsize(),
        section(top, ModulePosition.COMPONENT_STEPSIZE));
    WeightUpdaterConfig wu = WeightUpdaterConfig.parse(cw.weightUpdater(),
        section(top, ModulePosition.WEIGHT_UPDATER));
    StepsizeConfig ws = OptionConfigs.weightStepsize(cw.weightStepsize(),
        section(top, ModulePosition.WEIGHT_STEPSIZE));
    double temperature = top.has("temperature")
        ? top.positive("temperature", "weight of the entropy in the objective") : 1.0;
    boolean keep = top.boolOr("use_sample_database", true, "keep old samples for reuse");
    long maxSize = DEFAULT_MAX_DATABASE_SIZE;
    if (top.raw("max_database_size") == null) {
      maxSize = m.containsKey("max_database_size") ? 0 : DEFAULT_MAX_DATABASE_SIZE;
    } else {
      // PROBLEMS.md §6.3: one paper config writes it as a one-element list [2000000].
      if (top.raw("max_database_size") instanceof List<?> l && l.size() == 1) {
        m.put("max_database_size", l.get(0));
      }
      maxSize = top.integer("max_database_size", 1, "soft limit on stored samples; null: none");
    }
    ModelInitialization init = top.has("model_initialization")
        ? ModelInitialization.parse(ConfigSection.of("model_initialization",
            top.raw("model_initialization")))
        : null;
    top.allow(ExperimentSettings.KEYS.toArray(String[]::new));
    top.finish();
    ExperimentSettings exp = ExperimentSettings.parse(m);
    return new GmmviConfig(cw, est, ad, sel, upd, cs, wu, ws, temperature, keep, maxSize, init,
        exp);
  }

  private static ConfigSection section(ConfigSection top, ModulePosition p) {
    return ConfigSection.of(p.configKey(), top.raw(p.configKey()));
  }

  /** The config as a map with the reference's keys (module pairs first, then the rest). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>(algorithmMap());
    m.putAll(experiment.values());
    return m;
  }

  /** Only the keys that influence the algorithm (no runner keys). */
  private Map<String, Object> algorithmMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, ModulePosition.NG_ESTIMATOR, ngEstimator.toMap());
    put(m, ModulePosition.COMPONENT_ADAPTATION, componentAdaptation.toMap());
    put(m, ModulePosition.SAMPLE_SELECTOR, sampleSelector.toMap());
    put(m, ModulePosition.COMPONENT_UPDATER, componentUpdater.toMap());
    put(m, ModulePosition.COMPONENT_STEPSIZE, componentStepsize.toMap());
    put(m, ModulePosition.WEIGHT_UPDATER, weightUpdater.toMap());
    put(m, ModulePosition.WEIGHT_STEPSIZE, weightStepsize.toMap());
    m.put("temperature", temperature);
    m.put("use_sample_database", useSampleDatabase);
    m.put("max_database_size", maxDatabaseSize > 0 ? (Object) maxDatabaseSize : null);
    if (modelInitialization != null) {
      m.put("model_initialization", modelInitialization.toMap());
    }
    return m;
  }

  private void put(Map<String, Object> m, ModulePosition p, Map<String, Object> cfg) {
    m.put(p.typeKey(), codeword.option(p).typeString());
    m.put(p.configKey(), cfg);
  }

  /** YAML with the reference's keys; loading it (without codeword) gives an equal config. */
  public String toYaml() {
    return YamlConfig.dump(toMap());
  }

  /**
   * SHA-256 (hex) of the algorithm-relevant part of the config (everything except the runner keys),
   * used to check that a saved state is resumed with the same configuration.
   */
  public String fingerprint() {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(YamlConfig.dump(algorithmMap()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Equality by content (the records hold arrays). */
  @Override
  public boolean equals(Object o) {
    return o instanceof GmmviConfig c && c.toMap().equals(toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return "GmmviConfig[" + codeword + "]";
  }
}
