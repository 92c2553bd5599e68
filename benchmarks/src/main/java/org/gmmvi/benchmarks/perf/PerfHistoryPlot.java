package org.gmmvi.benchmarks.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the performance history {@code ci/perf-history.csv} (written by
 * {@code ci/perf-check.sh --record}) as a PNG: one line per tracked benchmark, its normalised cost
 * (cost / calibration cost of the same session) divided by its first recorded value, against the
 * number of the recording (1, 2, ...; the CSV has each recording's time and revision). A line rising above 1 is a benchmark that got slower relative to the
 * machine; the calibration itself is left out (it is 1 by definition).
 *
 * <pre>
 * PerfHistoryPlot --history ci/perf-history.csv --out docs/perf-history.png
 * </pre>
 * Exit codes: 0 written, 2 bad arguments or unreadable history.
 */
public final class PerfHistoryPlot {

  private PerfHistoryPlot() {}

  /** One recorded measurement. */
  record Entry(Instant when, String revision, String benchmark, double normalised) {}

  public static void main(String[] args) {
    try {
      if (args.length != 4 || !args[0].equals("--history") || !args[2].equals("--out")) {
        throw new IllegalArgumentException("usage: PerfHistoryPlot --history CSV --out PNG");
      }
      List<Entry> entries = read(Path.of(args[1]));
      write(entries, Path.of(args[3]));
      System.out.println("perf-history: drew " + entries.size() + " measurements of "
          + series(entries).size() + " benchmarks to " + args[3]);
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("perf-history: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Reads the history CSV ({@code timestamp,revision,"benchmark",ns,calibration,normalised,ratio}). */
  static List<Entry> read(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("history not found: " + csv
          + " (record one with ci/perf-check.sh --record)");
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<Entry> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int q1 = line.indexOf('"');
      int q2 = line.indexOf('"', q1 + 1);
      if (q1 < 0 || q2 < 0) {
        throw new IllegalArgumentException(csv + ":" + (i + 1) + ": expected a quoted benchmark");
      }
      String[] head = line.substring(0, q1).split(",");
      String[] tail = line.substring(q2 + 2).split(",", -1);
      if (head.length < 2 || tail.length < 3) {
        throw new IllegalArgumentException(csv + ":" + (i + 1) + ": malformed row '" + line + "'");
      }
      out.add(new Entry(Instant.parse(head[0]), head[1], line.substring(q1 + 1, q2),
          Double.parseDouble(tail[2])));
    }
    return out;
  }

  /**
   * Per benchmark (calibration excluded) the series of (recording number, normalised / first
   * normalised), in recording order; a recording is one timestamp of the CSV.
   */
  static Map<String, List<double[]>> series(List<Entry> entries) {
    Map<String, List<double[]>> out = new TreeMap<>();
    Map<String, Double> first = new LinkedHashMap<>();
    Map<Instant, Integer> number = new LinkedHashMap<>();
    for (Entry e : entries) {
      number.putIfAbsent(e.when(), number.size() + 1);
    }
    for (Entry e : entries) {
      if (e.benchmark().equals(PerfCheck.CALIBRATION)) {
        continue;
      }
      double base = first.computeIfAbsent(e.benchmark(), k -> e.normalised());
      out.computeIfAbsent(e.benchmark(), k -> new ArrayList<>())
          .add(new double[] {number.get(e.when()), e.normalised() / base});
    }
    return out;
  }

  static void write(List<Entry> entries, Path png) throws IOException {
    Map<String, List<double[]>> series = series(entries);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("the history has no benchmark rows to draw");
    }
    XYChart chart = new XYChartBuilder().width(1000).height(520)
        .title("Tracked benchmarks: normalised cost relative to the first recording")
        .xAxisTitle("recording (time and revision of each: ci/perf-history.csv)")
        .yAxisTitle("cost / first cost (lower is faster)").build();
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0.00");
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (double[] p : s.getValue()) {
        x.add(p[0]);
        y.add(p[1]);
      }
      String name = s.getKey().replace("org.gmmvi.benchmarks.", "");
      XYSeries line = chart.addSeries(name, x, y);
      line.setMarker(SeriesMarkers.CIRCLE);
    }
    byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
