package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmmvi.cli.io.ModelFiles;
import org.gmmvi.cli.io.Json;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.problems.numpy.NumpyTargetRecipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gmmvi evaluate}: a precise −ELBO of a saved model, its standard error and its errors. */
class EvaluateCommandTest {

  @TempDir
  Path dir;

  @Test
  void modelFilesRoundTrip() throws IOException {
    int d = 2;
    GmmModel m = GmmModel.fromCovariances(new double[] {0.25, 0.75}, new double[] {1, 2, -3, 4},
        new double[] {2, 0.5, 0.5, 1, 1, 0, 0, 3}, d);
    ModelFiles.write(dir, m);
    GmmModel back = ModelFiles.read(dir);
    assertThat(back.numComponents()).isEqualTo(2);
    assertThat(back.weights()[0]).isCloseTo(0.25, within(1e-15));
    assertThat(back.weights()[1]).isCloseTo(0.75, within(1e-15));
    assertThat(back.mean(1)).containsExactly(-3, 4);
    for (int o = 0; o < 2; o++) {
      double[] c = back.covariance(o);
      double[] e = m.covariance(o);
      for (int i = 0; i < 4; i++) {
        assertThat(c[i]).isCloseTo(e[i], within(1e-14));
      }
    }
  }

  @Test
  void evaluatesARunModelOnBreastCancer() throws IOException {
    Path shared = Path.of(System.getProperty("gmmvi.data.dir", "../../shared/data"));
    assumeTrue(Files.isRegularFile(shared.resolve("datasets/breast_cancer.data")),
        "shared data not found at " + shared);
    int d = 31;
    double[] chols = new double[d * d];
    for (int i = 0; i < d; i++) {
      chols[i * d + i] = 0.1;
    }
    ModelFiles.write(dir, GmmModel.full(new double[] {0.0}, new double[d], chols, d));
    CliTestSupport.Result r = CliTestSupport.run("evaluate", "--problem", "breast_cancer",
        "--model", dir.resolve("model.json").toString(), "--samples", "3000", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("breast_cancer (seed 1): ").contains("(K=1, D=31)")
        .containsPattern("-ELBO \\d+\\.\\d{4} ± \\d\\.\\d{4} \\(standard error; 3,000 samples,"
            + " sample seed 1\\)");
  }

  @Test
  void wrongDimensionAndMissingModelAreUsageErrors() throws IOException {
    ModelFiles.write(dir, GmmModel.full(new double[] {0.0}, new double[2],
        new double[] {1, 0, 0, 1}, 2));
    CliTestSupport.Result r = CliTestSupport.run("evaluate", "--problem", "gmm20", "--model",
        dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("gmmvi: the model has dimension 2, but problem 'gmm20' has"
        + " dimension 20");
    CliTestSupport.Result missing = CliTestSupport.run("evaluate", "--problem", "gmm20",
        "--model", dir.resolve("nothing").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("gmmvi: no model file at '"
        + dir.resolve("nothing") + "'");
    Files.writeString(dir.resolve("model.json"), "{\"dimension\": 20, \"num_components\": 1,"
        + " \"weights\": [1], \"means\": [0], \"covs\": []}");
    CliTestSupport.Result bad = CliTestSupport.run("evaluate", "--problem", "gmm20", "--model",
        dir.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("gmmvi: cannot read the model: ")
        .contains("'means' has 1 numbers, expected 20");
  }

  private static double negElbo(String out) {
    Matcher m = Pattern.compile("-ELBO (-?\\d+\\.\\d+) ±").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /**
   * Issue 12.1: gmm20 builds a new target for every seed. A run directory holding the exact
   * target mixture of seed 10000 has −ELBO 0 on its own target; evaluate used to take seed 1 and
   * reported about 750 for it.
   */
  @Test
  void aRunDirectoryIsEvaluatedOnTheRunsOwnTarget() throws IOException {
    Path data = Files.createDirectories(dir.resolve("empty-data"));
    Path run = Files.createDirectories(dir.resolve("run"));
    var p = NumpyTargetRecipes.gmm(10000, 20, 10);
    ModelFiles.write(run, GmmModel.fromCovariances(p.weights(), p.means(), p.matrices(), 20));
    Json.write(run.resolve("run.json"), Map.of("problem", "gmm20", "codeword", "SAMTRON",
        "seed", 10000, "data_dir", data.toString()));

    CliTestSupport.Result own = CliTestSupport.run("evaluate", "--model", run.toString(),
        "--samples", "2000", "--threads", "1");
    assertThat(own.code()).as(own.err()).isZero();
    assertThat(own.out()).startsWith("gmm20 (seed 10000, from run.json): ");
    assertThat(negElbo(own.out())).isCloseTo(0.0, within(1e-6));
    CliTestSupport.Result viaFile = CliTestSupport.run("evaluate", "--problem", "gmm20",
        "--model", run.resolve("model.json").toString(), "--samples", "2000", "--threads", "1");
    assertThat(negElbo(viaFile.out())).isCloseTo(0.0, within(1e-6));

    CliTestSupport.Result otherSeed = CliTestSupport.run("evaluate", "--model", run.toString(),
        "--seed", "1", "--samples", "2000", "--threads", "1");
    assertThat(otherSeed.code()).isZero();
    assertThat(otherSeed.err()).contains("WARNING: --seed 1 differs from the run's seed 10000");
    assertThat(negElbo(otherSeed.out())).isGreaterThan(10.0);

    CliTestSupport.Result otherProblem = CliTestSupport.run("evaluate", "--problem", "gmm100",
        "--model", run.toString());
    assertThat(otherProblem.code()).isEqualTo(2);
    assertThat(otherProblem.err()).startsWith("gmmvi: the model in '" + run + "' was trained on"
        + " problem 'gmm20' (run.json), not 'gmm100'");
  }

  @Test
  void aModelOutsideARunDirectoryNeedsAProblem() throws IOException {
    ModelFiles.write(dir, GmmModel.full(new double[] {0.0}, new double[2],
        new double[] {1, 0, 0, 1}, 2));
    CliTestSupport.Result r = CliTestSupport.run("evaluate", "--model", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not in a run directory (no run.json beside the model):"
        + " give --problem NAME");
  }
}
