package org.gmmvi.benchmarks.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfCheckTest {

  @TempDir
  Path dir;

  private static String jmh(double calibUs, double kernelNs, double thrptOpsPerMs) {
    return """
        [
          {"benchmark": "%s", "mode": "avgt", "params": {},
           "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreUnit": "us/op"}},
          {"benchmark": "org.gmmvi.benchmarks.kernels.X.logDensity", "mode": "avgt",
           "params": {"d": "20", "backend": "panama"},
           "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ns/op"}},
          {"benchmark": "org.gmmvi.benchmarks.kernels.X.throughput", "mode": "thrpt",
           "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ops/ms"}}
        ]
        """.formatted(PerfCheck.CALIBRATION, calibUs, kernelNs, thrptOpsPerMs);
  }

  private int check(String results, String... extra) throws Exception {
    Path r = dir.resolve("r.json");
    Files.writeString(r, results);
    String[] base = {"--results", r.toString(), "--baseline", dir.resolve("base.json").toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    PrintStream old = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream()));
    try {
      return PerfCheck.run(all);
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void keysSortParametersAndConvertUnits() throws Exception {
    Path r = dir.resolve("r.json");
    Files.writeString(r, jmh(100, 5000, 4));
    var scores = PerfCheck.readJmh(r);
    assertThat(scores).containsKey("org.gmmvi.benchmarks.kernels.X.logDensity[backend=panama,d=20]");
    assertThat(scores.get(PerfCheck.CALIBRATION).nsPerOp()).isEqualTo(100_000.0);
    // 4 ops/ms = 250,000 ns/op.
    assertThat(scores.get("org.gmmvi.benchmarks.kernels.X.throughput").nsPerOp())
        .isEqualTo(250_000.0);
  }

  @Test
  void sampleModeUsesTheFastestSampledOperation() throws Exception {
    Path r = dir.resolve("r.json");
    Files.writeString(r, """
        [{"benchmark": "%s", "mode": "sample", "params": {},
          "primaryMetric": {"score": 250.0, "scoreError": 90.0, "scoreUnit": "us/op",
            "scorePercentiles": {"0.0": 120.5, "50.0": 200.0, "100.0": 900.0}}}]
        """.formatted(PerfCheck.CALIBRATION));
    assertThat(PerfCheck.readJmh(r).get(PerfCheck.CALIBRATION).nsPerOp()).isEqualTo(120_500.0);
  }

  @Test
  void sameNormalisedCostOnASlowerMachineIsNoRegression() throws Exception {
    assertThat(check(jmh(100, 5000, 4), "--write-baseline")).isZero();
    // Everything twice as slow, calibration included: normalised ratio 1.
    assertThat(check(jmh(200, 10000, 2))).isZero();
  }

  @Test
  void slowerKernelRelativeToCalibrationIsARegression() throws Exception {
    assertThat(check(jmh(100, 5000, 4), "--write-baseline")).isZero();
    assertThat(check(jmh(100, 8000, 4))).isOne(); // 1.6x > 1.3x (default)
    assertThat(check(jmh(100, 6000, 4))).isZero(); // 1.2x within the default threshold
    assertThat(check(jmh(100, 7000, 4))).isOne(); // 1.4x > 1.3x
    assertThat(check(jmh(100, 7000, 4), "--threshold", "1.5")).isZero();
    assertThat(check(jmh(100, 5000, 2.5))).isOne(); // throughput 4 -> 2.5 ops/ms is 1.6x the cost
    assertThat(check(jmh(100, 8000, 4), "--threshold", "2.0")).isZero();
  }

  private int checkRounds(String... roundsThenExtra) throws Exception {
    java.util.List<String> args = new java.util.ArrayList<>();
    int i = 0;
    for (; i < roundsThenExtra.length && roundsThenExtra[i].startsWith("["); i++) {
      Path r = dir.resolve("round" + i + ".json");
      Files.writeString(r, roundsThenExtra[i]);
      args.add("--results");
      args.add(r.toString());
    }
    args.add("--baseline");
    args.add(dir.resolve("base.json").toString());
    for (; i < roundsThenExtra.length; i++) {
      args.add(roundsThenExtra[i]);
    }
    PrintStream old = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream()));
    try {
      return PerfCheck.run(args.toArray(String[]::new));
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void aRegressionMustRepeatInEveryRound() throws Exception {
    assertThat(check(jmh(100, 5000, 4), "--write-baseline")).isZero();
    // Round 1 is disturbed (the kernel 1.6x), round 2 is clean: the best round decides, no failure.
    assertThat(checkRounds(jmh(100, 8000, 4), jmh(100, 5000, 4))).isZero();
    // Slow in both rounds: a real regression.
    assertThat(checkRounds(jmh(100, 8000, 4), jmh(100, 7000, 4))).isOne();
    // Each round is normalised by its own calibration: round 2 ran on a 2x slower machine.
    assertThat(checkRounds(jmh(100, 8000, 4), jmh(200, 10000, 2))).isZero();
  }

  @Test
  void theBaselineTakesTheMedianRoundNotTheLuckiestOne() throws Exception {
    // kernel normalised 50, 30 (lucky), 60 over three rounds: the baseline keeps 50
    assertThat(checkRounds(jmh(100, 5000, 4), jmh(100, 3000, 4), jmh(100, 6000, 4),
        "--write-baseline")).isZero();
    assertThat(check(jmh(100, 6000, 4))).isZero(); // 1.2x the median: ok (2x the lucky round)
    assertThat(check(jmh(100, 7000, 4))).isOne(); // 1.4x the median
  }

  @Test
  void suspectsFileListsTheRegressedBenchmarksWithoutParameters() throws Exception {
    assertThat(check(jmh(100, 5000, 4), "--write-baseline")).isZero();
    Path suspects = dir.resolve("suspects.txt");
    assertThat(check(jmh(100, 8000, 4), "--suspects", suspects.toString())).isOne();
    assertThat(Files.readAllLines(suspects))
        .containsExactly("org.gmmvi.benchmarks.kernels.X.logDensity");
    assertThat(check(jmh(100, 5000, 4), "--suspects", suspects.toString())).isZero();
    assertThat(Files.readAllLines(suspects)).isEmpty();
  }

  @Test
  void aMuchFasterResultSaysTheBaselineIsStale() throws Exception {
    assertThat(check(jmh(100, 5000, 4), "--write-baseline")).isZero();
    Path r = dir.resolve("fast.json");
    Files.writeString(r, jmh(100, 1000, 4));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out));
    try {
      assertThat(PerfCheck.run(new String[] {"--results", r.toString(), "--baseline",
          dir.resolve("base.json").toString()})).isZero();
    } finally {
      System.setOut(old);
    }
    assertThat(out.toString()).contains("| faster |").contains("the baseline is stale");
  }

  @Test
  void historyRowsAreAppended() throws Exception {
    assertThat(check(jmh(100, 5000, 4), "--write-baseline")).isZero();
    Path h = dir.resolve("hist.csv");
    check(jmh(100, 5000, 4), "--history", h.toString(), "--revision", "abc");
    check(jmh(100, 5000, 4), "--history", h.toString(), "--revision", "def");
    var lines = Files.readAllLines(h);
    assertThat(lines.get(0)).startsWith("timestamp,revision,benchmark");
    assertThat(lines).hasSize(1 + 2 * 3);
    assertThat(lines.get(4)).contains(",def,");
  }

  @Test
  void missingCalibrationOrBaselineIsAClearError() throws Exception {
    Path r = dir.resolve("r.json");
    Files.writeString(r, "[]");
    assertThatThrownBy(() -> PerfCheck.run(new String[] {"--results", r.toString(), "--baseline",
        dir.resolve("none.json").toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calibration benchmark");
    Files.writeString(r, jmh(100, 5000, 4));
    assertThatThrownBy(() -> PerfCheck.run(new String[] {"--results", r.toString(), "--baseline",
        dir.resolve("none.json").toString()}))
        .hasMessageContaining("baseline not found");
    assertThatThrownBy(() -> PerfCheck.run(new String[] {"--bogus"}))
        .hasMessageContaining("unknown option '--bogus'");
    assertThatThrownBy(() -> PerfCheck.run(new String[] {"--results", r.toString(), "--baseline",
        "b.json", "--threshold", "0.9"}))
        .hasMessageContaining("--threshold must be a number above 1");
  }
}
