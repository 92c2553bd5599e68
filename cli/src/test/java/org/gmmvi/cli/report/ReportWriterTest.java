package org.gmmvi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.Json;
import org.gmmvi.cli.io.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a reproduce directory, generated from synthetic run directories. */
class ReportWriterTest {

  @TempDir
  Path root;

  private void fakeRun(String problem, String cw, long seed, String status, double negElbo,
      Double modes) throws IOException {
    Path d = ReportWriter.runDir(root, problem, cw, seed);
    Files.createDirectories(d);
    MetricsCsv csv = MetricsCsv.create(d.resolve("metrics.csv"));
    for (int it = 1; it <= 3; it++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("iteration", it * 100);
      row.put("num_samples", it * 1000L * (seed % 10 + 1));
      row.put("wall_seconds", it * 1.5);
      row.put("neg_elbo", negElbo + 10.0 / it);
      row.put("entropy", 3.0);
      if (modes != null) {
        row.put("detected_modes", modes);
      }
      csv.append(row);
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("neg_elbo", negElbo);
    metrics.put("entropy", 3.0);
    if (modes != null) {
      metrics.put("detected_modes", modes);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", status);
    f.put("problem", problem);
    f.put("codeword", cw);
    f.put("seed", seed);
    f.put("target_evaluations", 3000 * (seed % 10 + 1));
    f.put("wall_seconds", 4.5);
    f.put("final_metrics", metrics);
    Json.write(d.resolve("final.json"), f);
  }

  @Test
  void tablesAggregateCompletedSeedsNextToThePaper() throws IOException {
    double[] values = {1, 2, 3, 4};
    for (int r = 0; r < 4; r++) {
      fakeRun("gmm20", "SAMTRON", 10000 + r, "completed", values[r], 10.0 - (r % 2));
    }
    fakeRun("gmm20", "SAMTRON", 10004, "failed", 99, 0.0);
    fakeRun("gmm20", "ZAMTRUX", 10000, "completed", 0.5, 10.0);
    fakeRun("breast_cancer", "SAMTRON", 10000, "completed", 78.25, null);

    List<ReportWriter.Cell> cells = ReportWriter.write(root,
        List.of("breast_cancer", "gmm20"), List.of("SAMTRON", "ZAMTRUX"), List.of("budget: test"));

    assertThat(cells).extracting(c -> c.problem() + "/" + c.codeword())
        .containsExactly("breast_cancer/SAMTRON", "gmm20/SAMTRON", "gmm20/ZAMTRUX");
    // values 1..4: mean 2.5, 3·SE = 3·sqrt(1.25)/2 = 1.677 (SummaryTest)
    String md = Files.readString(root.resolve("report.md"));
    assertThat(md).contains("| gmm20 | SAMTRON | 4/5 | 2.500 ± 1.677 | -0.00 |");
    assertThat(md).contains("| breast_cancer | SAMTRON | 1/1 | 78.250 ± 0.000 | 78.00 ± 0.02 |");
    assertThat(md).contains("| gmm20 | ZAMTRUX | 1/1 | 0.500 ± 0.000 | -0.00 |");
    // detected modes 10, 9, 10, 9: mean 9.5, std 0.5, 3·SE = 0.75
    assertThat(md).contains("| gmm20 | SAMTRON | detected_modes | 9.5000 ± 0.7500 | — |");
    // breast_cancer has no problem metric in these runs: its entropy is shown instead
    assertThat(md).contains("| breast_cancer | SAMTRON | entropy | 3.0000 ± 0.0000 | — |");
    assertThat(md).contains("| gmm20 | SAMTRON | 10004 | failed | 99.0000 |");
    assertThat(md).contains("- budget: test").contains("![gmm20](curves_gmm20.png)");
    String html = Files.readString(root.resolve("report.html"));
    assertThat(html).contains("<td>2.500 ± 1.677</td><td>-0.00</td>")
        .contains("<img src=\"curves_gmm20.png\"");
    for (String p : List.of("curves_gmm20.png", "curves_breast_cancer.png")) {
      byte[] png = Files.readAllBytes(root.resolve(p));
      assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
  }

  @Test
  void expectedCellsAppearWithoutRunsAndMissingRunsAreListed() throws IOException {
    fakeRun("gmm20", "SAMTRON", 10000, "completed", 0.002, 1.0);
    fakeRun("gmm20", "SAMTRON", 10001, "failed", 5, 1.0);
    List<Long> seeds = List.of(10000L, 10001L, 10002L);
    List<ReportWriter.Expected> expected = List.of(
        new ReportWriter.Expected("gmm20", "SAMTRON", seeds, "30m00s wall-clock, 4 threads",
            "30 min, 4 cores", true),
        new ReportWriter.Expected("gmm20", "SAMYRUX", seeds, "30m00s wall-clock, 4 threads",
            "30 min, 4 cores", true),
        new ReportWriter.Expected("breast_cancer", "SAMTRON", seeds, "100,000 evaluations (smoke)",
            "2 h, 5 cores", false));
    fakeRun("breast_cancer", "SAMTRON", 10000, "completed", 80.0, null);
    ReportWriter.write(root, List.of("gmm20", "breast_cancer"),
        List.of("SAMTRON", "SAMYRUX"), List.of(), expected);
    String md = Files.readString(root.resolve("report.md"));
    assertThat(md).contains("| gmm20 | SAMTRON | 1/3 | 0.002 ± 0.000 | -0.00 | agrees |"
        + " 30m00s wall-clock, 4 threads | 30 min, 4 cores |");
    assertThat(md).contains("| gmm20 | SAMYRUX | 0/3 | — | — | no runs yet |");
    assertThat(md).contains("| breast_cancer | SAMTRON | 1/3 | 80.000 ± 0.000 | 78.00 ± 0.02 |"
        + " not comparable (budget below the paper's) | 100,000 evaluations (smoke) |");
    assertThat(md).contains("## Missing or failed runs")
        .contains("- gmm20 SAMTRON: 1/3 completed; no result for seed 10002; not completed:"
            + " 10001 failed")
        .contains("- gmm20 SAMYRUX: 0/3 completed; no result for seeds 10000, 10001, 10002");
    assertThat(Files.readString(root.resolve("report.html")))
        .contains("<h2>Missing or failed runs</h2>");
  }

  @Test
  void stepValuesReadTheLastLoggedValue() {
    Plots.Curve c = new Plots.Curve(new double[] {10, 20, 30}, new double[] {5, 4, 3});
    assertThat(Plots.stepValues(c, new double[] {10, 15, 20, 29, 30, 40}))
        .containsExactly(5, 5, 4, 4, 3, 3);
    assertThat(Plots.grid(List.of(c, new Plots.Curve(new double[] {12, 25},
        new double[] {1, 1})))).startsWith(12.0).endsWith(25.0);
  }
}
