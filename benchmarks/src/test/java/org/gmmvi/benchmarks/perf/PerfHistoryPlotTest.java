package org.gmmvi.benchmarks.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfHistoryPlotTest {

  @TempDir
  Path dir;

  private static final String HEADER =
      "timestamp,revision,benchmark,ns_per_op,calibration_ns_per_op,normalised,ratio\n";

  @Test
  void seriesAreRelativeToTheFirstRecordingAndSkipTheCalibration() throws Exception {
    Path csv = dir.resolve("h.csv");
    Files.writeString(csv, HEADER
        + "2026-12-01T10:00:00Z,abc,\"" + PerfCheck.CALIBRATION + "\",100.0,100.0,1.0,1.0\n"
        + "2026-12-01T10:00:00Z,abc,\"org.gmmvi.benchmarks.X.k\",500.0,100.0,5.0,\n"
        + "2026-12-02T10:00:00Z,def,\"" + PerfCheck.CALIBRATION + "\",200.0,200.0,1.0,1.0\n"
        + "2026-12-02T10:00:00Z,def,\"org.gmmvi.benchmarks.X.k\",1600.0,200.0,8.0,1.6\n");
    var entries = PerfHistoryPlot.read(csv);
    assertThat(entries).hasSize(4);
    var series = PerfHistoryPlot.series(entries);
    assertThat(series).containsOnlyKeys("org.gmmvi.benchmarks.X.k");
    assertThat(series.get("org.gmmvi.benchmarks.X.k").get(0)[1]).isEqualTo(1.0);
    assertThat(series.get("org.gmmvi.benchmarks.X.k").get(1)[1]).isCloseTo(1.6, within(1e-12));
    assertThat(series.get("org.gmmvi.benchmarks.X.k").get(1)[0]).isEqualTo(2.0); // recording 2

    Path png = dir.resolve("h.png");
    PerfHistoryPlot.write(entries, png);
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
  }

  @Test
  void aMalformedOrMissingHistoryIsAClearError() throws Exception {
    assertThatThrownBy(() -> PerfHistoryPlot.read(dir.resolve("none.csv")))
        .hasMessageContaining("history not found");
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, HEADER + "2026-12-01T10:00:00Z,abc,unquoted,1,1,1,1\n");
    assertThatThrownBy(() -> PerfHistoryPlot.read(csv)).hasMessageContaining("bad.csv:2");
  }
}
