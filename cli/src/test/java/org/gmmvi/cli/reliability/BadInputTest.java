package org.gmmvi.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.MetricsCsv;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.optimizer.GmmviOptimizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input table of docs/RELIABILITY.md: every case runs the CLI in-process and asserts the
 * exact message (first stderr line), the exit code (2 = user error, 1 = runtime failure of the
 * target), that no stack trace is printed, and that no partial output is left behind.
 */
class BadInputTest {

  private static final String GAUSS = "org.gmmvi.cli.testing.GaussianTestTarget";
  private static final String FAULTY = "org.gmmvi.cli.reliability.FaultyTargets$";
  private static final String WEIGHT_POS =
      "position 6 (WeightUpdater: U = \"direct\", O = \"trust-region\")";
  private static final String POSITIONS = "the positions are: position 1 (NgEstimator: Z = \"MORE\","
      + " S = \"Stein\"); position 2 (ComponentAdaptation: E = \"fixed\", A = \"adaptive\");"
      + " position 3 (SampleSelector: P = \"mixture-based\", M = \"component-based\"); position 4"
      + " (NgBasedComponentUpdater: I = \"direct\", Y = \"iBLR\", T = \"trust-region\"); position 5"
      + " (ComponentStepsizeAdaptation: F = \"fixed\", D = \"decaying\", R = \"improvement-based\");"
      + " " + WEIGHT_POS + "; position 7 (WeightStepsizeAdaptation: X = \"fixed\", G = \"decaying\","
      + " N = \"improvement_based\")";
  private static final String CFG = "gmmvi: invalid configuration for SAMTRON on GaussianTestTarget: ";

  @TempDir
  Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  /** {@code run} of the 2-D test target with a config file holding {@code yaml}. */
  private Cli.Result runWithConfig(String yaml) throws IOException {
    Path cfg = dir.resolve("c.yml");
    Files.writeString(cfg, yaml);
    return Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--config",
        cfg.toString(), "--max-iterations", "2", "--out", out().toString(), "--quiet");
  }

  private Cli.Result runTarget(String faultyTarget) {
    return Cli.run("run", "--target-class", FAULTY + faultyTarget, "--algorithm", "SAMTRON",
        "--max-iterations", "20", "--threads", "1", "--out", out().toString(), "--quiet");
  }

  private Cli.Result runProblem(String problem, String codeword, Path dataDir) {
    List<String> a = new ArrayList<>(List.of("run", "--problem", problem, "--algorithm", codeword,
        "--max-iterations", "1", "--out", out().toString(), "--quiet"));
    if (dataDir != null) {
      a.addAll(List.of("--data-dir", dataDir.toString()));
    }
    return Cli.run(a.toArray(String[]::new));
  }

  /** No file was written into the output directory. */
  private void assertNoOutput() throws IOException {
    assertThat(Cli.snapshot(out())).isEmpty();
  }

  // ------------------------------------------------------------------ codewords and problems

  @Test
  void unknownCodewordLetter() throws IOException {
    runProblem("gmm20", "SAMTRQN", null).expect(2, "gmmvi: codeword 'SAMTRQN': letter 'Q' at "
        + WEIGHT_POS + " is not allowed; allowed letters: U or O");
    assertNoOutput();
  }

  @Test
  void duplicateCodewordLetter() {
    runProblem("gmm20", "SAMTRSN", null).expect(2, "gmmvi: codeword 'SAMTRSN': letter 'S' at "
        + WEIGHT_POS + " is not allowed; allowed letters: U or O ('S' belongs to position 1"
        + " (NgEstimator: Z = \"MORE\", S = \"Stein\"), which is already set: duplicate letter or"
        + " wrong order)");
  }

  @Test
  void codewordTooShort() {
    runProblem("gmm20", "SAMTR", null).expect(2, "gmmvi: codeword 'SAMTR' has 5 letters, expected"
        + " 7 (the letter for " + WEIGHT_POS + " seems to be missing); " + POSITIONS);
  }

  @Test
  void codewordTooLong() {
    runProblem("gmm20", "SAMTRONX", null).expect(2, "gmmvi: codeword 'SAMTRONX' has 8 letters,"
        + " expected 7 (extra letters after position 7: 'X'); " + POSITIONS);
  }

  @Test
  void unknownProblemSuggestsTheClosest() throws IOException {
    // the list continues with problems registered at run time (wine, talos, test problems)
    Cli.Result r = runProblem("gmm21", "SAMTRON", null);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.firstLine()).startsWith("gmmvi: unknown problem 'gmm21' (did you mean 'gmm20'?);"
        + " valid names: breast_cancer, breast_cancer_mb, breast_cancer_testsplit, german_credit,"
        + " german_credit_mb, german_credit_testsplit, planar_robot_4, planar_robot_1, gmm20,"
        + " gmm100, stm20, stm300");
    assertThat(r.err()).doesNotContain("\tat ");
    assertNoOutput();
  }

  // ------------------------------------------------------------------ config files

  @Test
  void misspelledConfigKeySuggestsTheClosest() throws IOException {
    runWithConfig("sample_selector_config:\n  desired_samples_per_componet: 40\n").expect(2, CFG
        + "unknown key 'sample_selector_config.desired_samples_per_componet'; did you mean"
        + " 'desired_samples_per_component'? (valid keys in sample_selector_config:"
        + " desired_samples_per_component, ratio_reused_samples_to_desired)");
    assertNoOutput();
  }

  @Test
  void unknownTopLevelKeySuggestsTheClosest() throws IOException {
    Cli.Result r = runWithConfig("component_adaptation_config:\n  max_components: 5\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.firstLine()).startsWith(CFG + "unknown key 'component_adaptation_config'; did you"
        + " mean 'num_component_adapter_config'? (valid keys: ng_estimator_type, ");
    assertNoOutput();
  }

  @Test
  void wrongValueType() throws IOException {
    runWithConfig("sample_selector_config:\n  desired_samples_per_component: abc\n").expect(2, CFG
        + "sample_selector_config.desired_samples_per_component must be an integer (desired number"
        + " of effective samples per component), got 'abc' (string)");
  }

  @Test
  void zeroSamplesPerComponent() throws IOException {
    runWithConfig("sample_selector_config:\n  desired_samples_per_component: 0\n").expect(2, CFG
        + "sample_selector_config.desired_samples_per_component must be an integer >= 1 (desired"
        + " number of effective samples per component), got 0");
  }

  @Test
  void negativeStepSize() throws IOException {
    runWithConfig("component_stepsize_adapter_config:\n  initial_stepsize: -1\n").expect(2, CFG
        + "component_stepsize_adapter_config.initial_stepsize must be >= 0.0 (initial step size; 0"
        + " freezes the update), got -1.0");
  }

  @Test
  void maxComponentsBelowOne() throws IOException {
    runWithConfig("num_component_adapter_config:\n  max_components: 0\n").expect(2, CFG
        + "num_component_adapter_config.max_components must be an integer >= 1 (upper bound on the"
        + " number of components), got 0");
  }

  @Test
  void nonPositiveInitialCovariance() throws IOException {
    runWithConfig("model_initialization:\n  initial_cov: -1\n").expect(2, CFG
        + "model_initialization.initial_cov must be > 0, got [-1.0]");
  }

  @Test
  void malformedYaml() throws IOException {
    Path cfg = dir.resolve("c.yml");
    runWithConfig("sample_selector_config: [1, 2\n  foo: : :\n").expect(2, "gmmvi: config file '"
        + cfg + "': malformed YAML at line 2, column 6: expected ',' or ']', but got : (while"
        + " parsing a flow sequence)");
    assertNoOutput();
  }

  @Test
  void yamlTypeTagsAreRefused() throws IOException {
    Path cfg = dir.resolve("c.yml");
    runWithConfig("foo: !!java.lang.Runtime {}\n").expect(2, "gmmvi: config file '" + cfg
        + "': refused YAML tag 'tag:yaml.org,2002:java.lang.Runtime' at line 1, column 6: configs"
        + " may only hold plain maps, lists, strings, numbers, booleans and nulls (no type tags)");
    runWithConfig("!!python/object:os.system\nfoo: 1\n").expect(2, "gmmvi: config file '" + cfg
        + "': refused YAML tag 'tag:yaml.org,2002:python/object:os.system' at line 1, column 1:"
        + " configs may only hold plain maps, lists, strings, numbers, booleans and nulls (no type"
        + " tags)");
    assertNoOutput();
  }

  @Test
  void missingConfigFile() {
    Path missing = dir.resolve("nope.yml");
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--config",
        missing.toString(), "--out", out().toString()).expect(2,
        "gmmvi: cannot read config file '" + missing + "': no such file");
  }

  @Test
  void configDimensionDisagreesWithUserTarget() throws IOException {
    runWithConfig("model_initialization:\n  prior_mean: [0, 0, 0]\n").expect(2, CFG
        + "model_initialization.prior_mean has 3 entries, but the target has dimension 2 (give a"
        + " scalar or 2 numbers)");
    assertNoOutput();
  }

  // ------------------------------------------------------------------ data files

  /**
   * Removes the symbolic links of {@link #dataDirWith} before JUnit cleans the temporary
   * directory, which would print a warning for every link that points outside of it.
   */
  @AfterEach
  void removeDataLinks() throws IOException {
    Path d = dir.resolve("data");
    if (!Files.isDirectory(d)) {
      return;
    }
    try (var s = Files.walk(d)) {
      for (Path p : s.filter(Files::isSymbolicLink).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A data directory linking every shared file except {@code replaced}, which gets {@code text}. */
  private Path dataDirWith(String replaced, String text) throws IOException {
    Path shared = Path.of(System.getProperty("gmmvi.data.dir", "../../shared/data"));
    assumeTrue(Files.isDirectory(shared.resolve("datasets")), "shared data not found at " + shared);
    Path d = dir.resolve("data");
    for (String sub : List.of("configs", "talos", "targets", "testvectors")) {
      Files.createDirectories(d);
      Files.createSymbolicLink(d.resolve(sub), shared.resolve(sub).toAbsolutePath());
    }
    for (String sub : List.of("datasets", "groundtruth")) {
      Files.createDirectories(d.resolve(sub));
      try (var s = Files.list(shared.resolve(sub))) {
        for (Path p : s.toList()) {
          Files.createSymbolicLink(d.resolve(sub).resolve(p.getFileName()), p.toAbsolutePath());
        }
      }
    }
    Files.delete(d.resolve(replaced));
    if (text != null) {
      Files.writeString(d.resolve(replaced), text);
    }
    return d;
  }

  private static String sharedText(String relative) throws IOException {
    Path shared = Path.of(System.getProperty("gmmvi.data.dir", "../../shared/data"));
    assumeTrue(Files.isRegularFile(shared.resolve(relative)), "missing " + relative);
    return Files.readString(shared.resolve(relative));
  }

  private static String editLine(String text, int line, java.util.function.UnaryOperator<String> f) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.set(line - 1, f.apply(lines.get(line - 1)));
    return String.join("\n", lines) + "\n";
  }

  @Test
  void missingDataFile() throws IOException {
    Path d = dataDirWith("datasets/breast_cancer.data", null);
    runProblem("breast_cancer", "SAMTRON", d).expect(2, "gmmvi: data file"
        + " 'datasets/breast_cancer.data' not found: tried " + d.resolve("datasets/breast_cancer.data")
        + ". The data directory came from the --data-dir. Set the environment variable GMMVI_DATA"
        + " (or pass --data-dir, or -Dgmmvi.data.dir=...) to the folder that holds datasets/,"
        + " targets/, groundtruth/ and configs/ (shared/data).");
    assertNoOutput();
  }

  @Test
  void missingDataDirectory() throws IOException {
    Path d = dir.resolve("no-such-dir");
    runProblem("breast_cancer", "SAMTRON", d).expect(2, "gmmvi: data directory not found: tried "
        + d + " (needed for 'configs/exp3_eval_configs.json'). The data directory came from the"
        + " --data-dir. Set the environment variable GMMVI_DATA (or pass --data-dir, or"
        + " -Dgmmvi.data.dir=...) to the folder that holds datasets/, targets/, groundtruth/ and"
        + " configs/ (shared/data).");
  }

  @Test
  void truncatedDataFile() throws IOException {
    String full = sharedText("datasets/breast_cancer.data");
    Path d = dataDirWith("datasets/breast_cancer.data", full.substring(0, 20000));
    runProblem("breast_cancer", "SAMTRON", d).expect(2, "gmmvi: "
        + d.resolve("datasets/breast_cancer.data") + " line 93: expected 32 columns, found 1");
    assertNoOutput();
  }

  @Test
  void wrongColumnCount() throws IOException {
    String text = editLine(sharedText("datasets/breast_cancer.data"), 5,
        l -> l.substring(0, l.lastIndexOf(' ')));
    Path d = dataDirWith("datasets/breast_cancer.data", text);
    runProblem("breast_cancer", "SAMTRON", d).expect(2, "gmmvi: "
        + d.resolve("datasets/breast_cancer.data") + " line 5: expected 32 columns, found 31");
  }

  @Test
  void nonNumericCell() throws IOException {
    String text = editLine(sharedText("datasets/breast_cancer.data"), 7, l -> {
      String[] f = l.split(" ");
      f[2] = "abc";
      return String.join(" ", f);
    });
    Path d = dataDirWith("datasets/breast_cancer.data", text);
    runProblem("breast_cancer", "SAMTRON", d).expect(2, "gmmvi: "
        + d.resolve("datasets/breast_cancer.data") + " line 7 column 3: not a number: 'abc'");
  }

  @Test
  void groundTruthOfTheWrongDimension() throws IOException {
    String f = "groundtruth/breast_cancer_gt_samples.csv";
    StringBuilder b = new StringBuilder();
    for (String l : sharedText(f).lines().toList()) {
      b.append(l.startsWith("#") ? l : l.substring(0, l.lastIndexOf(','))).append('\n');
    }
    Path d = dataDirWith(f, b.toString());
    runProblem("breast_cancer", "SAMTRON", d).expect(2, "gmmvi: " + d.resolve(f)
        + ": expected any number of rows x 31 columns, found 10080 x 30");
    assertNoOutput();
  }

  // ------------------------------------------------------------------ user targets

  @Test
  void userTargetClassNotFound() throws IOException {
    Cli.run("run", "--target-class", "com.example.Missing", "--algorithm", "SAMTRON", "--out",
        out().toString()).expect(2,
        "gmmvi: user target class 'com.example.Missing' not found on the runner's class path");
    assertNoOutput();
  }

  @Test
  void userTargetClassWithoutTheInterface() {
    Cli.run("run", "--target-class", "org.gmmvi.cli.testing.NotATarget", "--algorithm", "SAMTRON",
        "--out", out().toString()).expect(2, "gmmvi: class 'org.gmmvi.cli.testing.NotATarget' does"
        + " not implement org.gmmvi.core.target.Target");
  }

  @Test
  void userTargetWithoutUsableConstructor() {
    runTarget("NoConstructor").expect(2, "gmmvi: class '" + FAULTY + "NoConstructor' needs a"
        + " public constructor taking (long seed) or a public no-argument constructor");
  }

  @Test
  void userTargetConstructorThrows() {
    Cli.Result r = runTarget("FailingConstructor");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.firstLine()).isEqualTo("gmmvi: constructing user target '" + FAULTY
        + "FailingConstructor' failed: java.lang.IllegalStateException: license server"
        + " unreachable");
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void userTargetOfDimensionZero() throws IOException {
    runTarget("ZeroDimension").expect(2, "gmmvi: user target '" + FAULTY + "ZeroDimension' reports"
        + " dimension 0; it must be >= 1");
    assertNoOutput();
  }

  /** A target failure: exit 1, the message, and a complete final.json marking the failure. */
  private void assertTargetFailure(String target, String message) throws IOException {
    runTarget(target).expect(1, "gmmvi: run failed (0 iterations completed): iteration 1: "
        + message);
    Map<String, Object> fin = org.gmmvi.cli.io.Json.readObject(out().resolve("final.json"));
    assertThat(fin).containsEntry("status", "failed").containsEntry("failed_at_iteration", 0);
    assertThat(Cli.snapshot(out()).keySet()).noneMatch(n -> n.endsWith(".tmp"));
  }

  private static String allInvalid(String value) {
    return "all 100 new samples are invalid (log-density NaN or infinite, or a non-finite"
        + " gradient); example: x = [0.07583337820410774, -0.68251736612313] gave log-density "
        + value + " and gradient [0.9241666217958923, -1.3174826338768701]";
  }

  @Test
  void targetReturningNaNEverywhere() throws IOException {
    assertTargetFailure("AllNaN", allInvalid("NaN"));
  }

  @Test
  void targetReturningPlusInfinityEverywhere() throws IOException {
    assertTargetFailure("AllPosInf", allInvalid("Infinity"));
  }

  @Test
  void targetReturningMinusInfinityEverywhere() throws IOException {
    assertTargetFailure("AllNegInf", allInvalid("-Infinity"));
  }

  @Test
  void targetThrowing() throws IOException {
    assertTargetFailure("Throwing", "target 'Throwing' threw while evaluating 100 samples:"
        + " java.lang.IllegalStateException: simulator crashed");
  }

  @Test
  void targetWritingTooFewGradientColumns() throws IOException {
    assertTargetFailure("ShortGradient", "target 'ShortGradient' did not write gradient entry 0 of"
        + " sample 50 (it must write an n x D = 100 x 2 row-major gradient)");
  }

  @Test
  void targetWritingTooManyGradientColumns() throws IOException {
    assertTargetFailure("LongGradient", "target 'LongGradient' threw while evaluating 100 samples:"
        + " java.lang.ArrayIndexOutOfBoundsException: Index 200 out of bounds for length 200");
  }

  @Test
  void targetNonFiniteOnSomeSamplesIsDroppedAndCounted() throws IOException {
    Cli.Result r = runTarget("SomeNonFinite");
    assertThat(r.code()).as(r.err()).isZero();
    MetricsCsv m = MetricsCsv.read(out().resolve("metrics.csv"));
    double[] dropped = m.column("dropped_samples");
    assertThat(dropped[dropped.length - 1]).isPositive();
    for (int i = 1; i < dropped.length; i++) {
      assertThat(dropped[i]).isGreaterThanOrEqualTo(dropped[i - 1]);
    }
  }

  @Test
  void initialModelWithNonPositiveDefiniteCovarianceViaTheApi() {
    // covariance [[1, 2], [2, 1]] has eigenvalues 3 and -1
    assertThatThrownBy(() -> GmmModel.fromCovariances(new double[] {1}, new double[] {0, 0},
        new double[] {1, 2, 2, 1}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("covariance of component 0 is not positive definite");
    assertThatThrownBy(() -> GmmviOptimizer.builder().codeword("SAMTRON")
        .target(new FaultyTargets.Base(0))
        .initialModel(GmmModel.full(new double[] {0}, new double[] {0, 0, 0},
            new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ output and checkpoints

  @Test
  void outputDirectoryIsAFile() throws IOException {
    Path f = dir.resolve("file");
    Files.writeString(f, "x");
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--out", f.toString())
        .expect(2, "gmmvi: output directory '" + f + "' cannot be created or written: a file of"
            + " that name exists");
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--out",
        f.resolve("sub").toString()).expect(2, "gmmvi: output directory '" + f.resolve("sub")
            + "' cannot be created or written: Not a directory");
    assertThat(Files.readString(f)).isEqualTo("x");
  }

  @Test
  void resumeWithoutCheckpoint() throws IOException {
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--resume", "--out",
        out().toString()).expect(2, "gmmvi: --resume: no checkpoint in '" + out()
            + "' (nothing to resume; start the run without --resume)");
    assertNoOutput();
  }

  @Test
  void numericOptionsOutOfRange() {
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--max-evals", "-5",
        "--out", out().toString()).expect(2, "gmmvi: --max-evals must be >= 1, got -5");
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON", "--threads", "0",
        "--out", out().toString()).expect(2, "gmmvi: --threads must be >= 1, got 0");
  }

  /** A finished 3-iteration run of the test target in {@code out()}; returns its files. */
  private Map<String, byte[]> finishedRun() throws IOException {
    Cli.Result r = Cli.run("run", "--target-class", GAUSS, "--algorithm", "SAMTRON",
        "--max-iterations", "3", "--out", out().toString(), "--quiet", "--keep-checkpoint");
    assertThat(r.code()).as(r.err()).isZero();
    return Cli.snapshot(out());
  }

  private Cli.Result resume(String... extra) {
    List<String> a = new ArrayList<>(List.of("run", "--target-class", GAUSS, "--algorithm",
        "SAMTRON", "--max-iterations", "5", "--resume", "--out", out().toString(), "--quiet"));
    a.addAll(List.of(extra));
    return Cli.run(a.toArray(String[]::new));
  }

  private Path ckpt() {
    return out().resolve("checkpoint.bin");
  }

  /** A failed resume leaves every file of the run directory byte-identical. */
  private void assertUnchanged(Map<String, byte[]> before) throws IOException {
    Map<String, byte[]> after = Cli.snapshot(out());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String k : before.keySet()) {
      assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
    }
  }

  @Test
  void checkpointOfAnotherCodewordProblemOrSeed() throws IOException {
    Map<String, byte[]> before = finishedRun();
    Cli.run("run", "--target-class", GAUSS, "--algorithm", "SEPIFUX", "--resume", "--out",
        out().toString()).expect(2, "gmmvi: --resume: the checkpoint was written for algorithm"
            + " 'SAMTRON', not 'SEPIFUX'");
    Cli.run("run", "--problem", "gmm20", "--algorithm", "SAMTRON", "--resume", "--out",
        out().toString()).expect(2, "gmmvi: --resume: the checkpoint was written for problem"
            + " 'GaussianTestTarget', not 'gmm20'");
    resume("--seed", "5").expect(2, "gmmvi: --resume: the checkpoint was written for seed '10000',"
        + " not '5'");
    assertUnchanged(before);
  }

  @Test
  void checkpointOfAnIncompatibleVersion() throws IOException {
    Map<String, byte[]> before = finishedRun();
    byte[] b = before.get("checkpoint.bin").clone();
    b[17] = 7; // runner format version (int after the 14-byte magic)
    Files.write(ckpt(), b);
    resume().expect(2, "gmmvi: " + ckpt() + " has checkpoint format version 7, this runner reads"
        + " version 1");
    b = before.get("checkpoint.bin").clone();
    int state = 22 + ByteBuffer.wrap(b, 18, 4).getInt() + 8;
    int current = ByteBuffer.wrap(b, state + 8, 4).getInt(); // the int after "GMMVISTA"
    b[state + 11] = 99; // optimizer-state format version 99
    Files.write(ckpt(), b);
    resume().expect(2, "gmmvi: cannot resume from " + ckpt() + ": optimizer state format version"
        + " 99 is not supported (this build reads versions 2 to " + current + ")");
  }

  @Test
  void corruptCheckpoints() throws IOException {
    Map<String, byte[]> before = finishedRun();
    byte[] good = before.get("checkpoint.bin");
    Files.write(ckpt(), java.util.Arrays.copyOf(good, 300));
    resume().expect(2, "gmmvi: " + ckpt() + " is truncated or corrupt");
    byte[] garbage = new byte[5000];
    org.gmmvi.core.random.Rng rng = new org.gmmvi.core.random.Rng(1);
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) rng.nextInt(256);
    }
    Files.write(ckpt(), garbage);
    resume().expect(2, "gmmvi: " + ckpt() + " is not a gmmvi run checkpoint");
    byte[] b = good.clone();
    b[18] = (byte) 0xff; // negative JSON length
    Files.write(ckpt(), b);
    resume().expect(2, "gmmvi: " + ckpt() + " is truncated or corrupt");
    b = good.clone();
    b[23] = '#'; // JSON syntax error
    Files.write(ckpt(), b);
    resume().expect(2, "gmmvi: " + ckpt() + " is truncated or corrupt");
    b = good.clone();
    b[b.length - 100] ^= (byte) 0xff; // a flipped bit inside the optimizer state
    Files.write(ckpt(), b);
    resume().expect(2, "gmmvi: cannot resume from " + ckpt() + ": optimizer state is corrupt:"
        + " checksum mismatch");
    Files.write(ckpt(), good);
    before.put("checkpoint.bin", good);
    assertThat(Cli.snapshot(out()).keySet()).isEqualTo(before.keySet());
  }
}
