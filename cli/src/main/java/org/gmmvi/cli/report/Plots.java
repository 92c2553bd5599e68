package org.gmmvi.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line plots (XChart, headless): a run's −ELBO against target evaluations and wall-clock time,
 * and the learning curves of {@code reproduce} (mean and min–max spread over seeds). An axis is
 * logarithmic when every plotted value on it is positive and the values span more than a factor of
 * 20; otherwise linear (−ELBO of normalised targets reaches ≈ 0 and small negative values).
 */
public final class Plots {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** One colour per algorithm; its min/max lines use the same colour. */
  private static final java.awt.Color[] PALETTE = {new java.awt.Color(31, 119, 180),
      new java.awt.Color(214, 39, 40), new java.awt.Color(44, 160, 44),
      new java.awt.Color(255, 127, 14), new java.awt.Color(148, 103, 189),
      new java.awt.Color(140, 86, 75)};

  private Plots() {}

  /** One curve: {@code x} and {@code y} of equal length. */
  public record Curve(double[] x, double[] y) {}

  /**
   * A single-run plot of {@code y} against {@code x} (non-finite points skipped).
   *
   * @return PNG bytes
   */
  public static byte[] line(String title, String xLabel, String yLabel, String series, Curve c)
      throws IOException {
    Curve f = finite(c);
    XYChart chart = chart(title, xLabel, yLabel);
    if (f.x().length > 0) {
      XYSeries s = chart.addSeries(series, f.x(), f.y());
      s.setMarker(f.x().length < 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    scaleAxes(chart, List.of(f));
    return png(chart);
  }

  /**
   * Learning curves per algorithm: for each codeword, the runs' curves are evaluated on a common
   * grid of evaluation counts (the last logged value at or before each grid point, as the paper
   * reads a run's value); the mean is drawn solid, the min and max over seeds dashed.
   *
   * @return PNG bytes
   */
  public static byte[] learningCurves(String title, Map<String, List<Curve>> runsByAlgorithm)
      throws IOException {
    XYChart chart = chart(title, "target evaluations", "-ELBO (mean, min-max over seeds)");
    List<Curve> plotted = new ArrayList<>();
    int series = 0;
    for (Map.Entry<String, List<Curve>> e : runsByAlgorithm.entrySet()) {
      java.awt.Color color = PALETTE[series++ % PALETTE.length];
      List<Curve> runs = e.getValue().stream().map(Plots::finite).filter(c -> c.x().length > 0)
          .toList();
      if (runs.isEmpty()) {
        continue;
      }
      double[] grid = grid(runs);
      double[][] at = new double[runs.size()][];
      for (int r = 0; r < runs.size(); r++) {
        at[r] = stepValues(runs.get(r), grid);
      }
      double[] mean = new double[grid.length];
      double[] lo = new double[grid.length];
      double[] hi = new double[grid.length];
      for (int g = 0; g < grid.length; g++) {
        double sum = 0;
        lo[g] = Double.POSITIVE_INFINITY;
        hi[g] = Double.NEGATIVE_INFINITY;
        for (double[] v : at) {
          sum += v[g];
          lo[g] = Math.min(lo[g], v[g]);
          hi[g] = Math.max(hi[g], v[g]);
        }
        mean[g] = sum / at.length;
      }
      XYSeries m = chart.addSeries(e.getKey() + " (n=" + runs.size() + ")", grid, mean);
      m.setMarker(grid.length < 3 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      m.setLineColor(color);
      m.setMarkerColor(color);
      if (runs.size() > 1) {
        for (double[] band : new double[][] {lo, hi}) {
          XYSeries s = chart.addSeries(e.getKey() + (band == lo ? " min" : " max"), grid, band);
          s.setMarker(SeriesMarkers.NONE);
          s.setLineStyle(SeriesLines.DASH_DASH);
          s.setLineColor(color);
          s.setShowInLegend(false);
        }
      }
      plotted.add(new Curve(grid, lo));
      plotted.add(new Curve(grid, hi));
    }
    scaleAxes(chart, plotted);
    return png(chart);
  }

  /**
   * Grid over the evaluation range every run covers: from the largest first x to the smallest last
   * x, 200 points (log-spaced when positive).
   */
  static double[] grid(List<Curve> runs) {
    double from = runs.stream().mapToDouble(c -> c.x()[0]).max().orElseThrow();
    double to = runs.stream().mapToDouble(c -> c.x()[c.x().length - 1]).min().orElseThrow();
    if (!(to > from)) {
      return new double[] {to};
    }
    int n = 200;
    double[] g = new double[n];
    boolean log = from > 0;
    for (int i = 0; i < n; i++) {
      double t = i / (n - 1.0);
      g[i] = log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from)))
          : from + t * (to - from);
    }
    g[n - 1] = to;
    return g;
  }

  /** For each grid point, the curve's last y with x ≤ grid point (the first y before its start). */
  static double[] stepValues(Curve c, double[] grid) {
    double[] out = new double[grid.length];
    int j = 0;
    for (int g = 0; g < grid.length; g++) {
      while (j + 1 < c.x().length && c.x()[j + 1] <= grid[g]) {
        j++;
      }
      out[g] = c.y()[j];
    }
    return out;
  }

  private static Curve finite(Curve c) {
    int n = 0;
    double[] x = new double[c.x().length];
    double[] y = new double[c.x().length];
    for (int i = 0; i < c.x().length; i++) {
      if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
        x[n] = c.x()[i];
        y[n++] = c.y()[i];
      }
    }
    return new Curve(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
  }

  private static XYChart chart(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    return chart;
  }

  private static void scaleAxes(XYChart chart, List<Curve> curves) {
    chart.getStyler().setXAxisLogarithmic(logWorthy(curves, true));
    chart.getStyler().setYAxisLogarithmic(logWorthy(curves, false));
  }

  static boolean logWorthy(List<Curve> curves, boolean xAxis) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Curve c : curves) {
      for (double v : xAxis ? c.x() : c.y()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > 0 && max / min > 20;
  }

  static {
    // Encode in memory: ImageIO's default disk cache registers a JVM shutdown hook on first use,
    // which fails with "Shutdown in progress" when the first plot of a run is written after
    // Ctrl-C / SIGTERM (the run then lost its plots).
    javax.imageio.ImageIO.setUseCache(false);
  }

  private static byte[] png(XYChart chart) throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }
}
