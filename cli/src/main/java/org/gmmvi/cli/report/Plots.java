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
 *
 * <p>Readable axes: tick labels use a fixed decimal pattern with as many decimals as the axis span
 * needs ({@link #decimalPattern}), never XChart's scientific fallback. A linear −ELBO axis is at
 * least {@link #MIN_SPAN_IN_STANDARD_ERRORS} standard errors of the plotted estimates wide (and at
 * least {@code 1e-6·max(1, |y|)}), so a run that converged to machine precision is drawn flat
 * instead of magnifying rounding noise ({@link #yRange}). Where the paper reports a final −ELBO
 * for the problem and codeword, it is drawn as a dotted horizontal line in the series colour.
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
    return line(title, xLabel, yLabel, series, c, Double.NaN, Double.NaN);
  }

  /**
   * A single-run plot of {@code y} against {@code x} (non-finite points skipped).
   *
   * @param standardError standard error of one plotted value (NaN: estimated from the curve)
   * @param paperValue    the paper's final value, drawn as a horizontal line (NaN: none)
   * @return PNG bytes
   */
  public static byte[] line(String title, String xLabel, String yLabel, String series, Curve c,
      double standardError, double paperValue) throws IOException {
    Curve f = finite(c);
    XYChart chart = chart(title, xLabel, yLabel);
    List<Curve> plotted = new ArrayList<>(List.of(f));
    if (f.x().length > 0) {
      XYSeries s = chart.addSeries(series, f.x(), f.y());
      s.setMarker(f.x().length < 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      s.setLineColor(PALETTE[0]);
      s.setMarkerColor(PALETTE[0]);
      paperLine(chart, series, paperValue, f, PALETTE[0]).ifPresent(plotted::add);
    }
    double se = Double.isNaN(standardError) ? noise(f.y()) : standardError;
    scaleAxes(chart, plotted, se);
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
    return learningCurves(title, runsByAlgorithm, Map.of());
  }

  /**
   * As {@link #learningCurves(String, Map)}, with the paper's final −ELBO of each codeword drawn as
   * a dotted horizontal line in the codeword's colour.
   *
   * @param paperValues the paper's value by codeword (codewords without one are absent)
   * @return PNG bytes
   */
  public static byte[] learningCurves(String title, Map<String, List<Curve>> runsByAlgorithm,
      Map<String, Double> paperValues) throws IOException {
    XYChart chart = chart(title, "target evaluations", "-ELBO (mean, min-max over seeds)");
    List<Curve> plotted = new ArrayList<>();
    double noise = 0;
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
      paperLine(chart, e.getKey(), paperValues.getOrDefault(e.getKey(), Double.NaN),
          new Curve(grid, mean), color).ifPresent(plotted::add);
      noise = Math.max(noise, noise(mean));
    }
    scaleAxes(chart, plotted, noise);
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

  /** Least width of a linear −ELBO axis in standard errors of one plotted estimate. */
  public static final double MIN_SPAN_IN_STANDARD_ERRORS = 4.0;
  /** Least width of a linear axis relative to {@code max(1, |centre|)}. */
  static final double MIN_RELATIVE_SPAN = 1e-6;

  private static void scaleAxes(XYChart chart, List<Curve> curves, double standardError) {
    boolean logX = logWorthy(curves, true);
    boolean logY = logWorthy(curves, false);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    double[] x = range(curves, true);
    if (x != null) {
      chart.getStyler().setXAxisDecimalPattern(logX ? "#,##0.###" : decimalPattern(x[1] - x[0]));
    }
    double[] y = yRange(curves, standardError);
    if (y == null) {
      return;
    }
    if (logY) {
      chart.getStyler().setYAxisDecimalPattern("#,##0.###");
      return;
    }
    chart.getStyler().setYAxisMin(y[0]);
    chart.getStyler().setYAxisMax(y[1]);
    chart.getStyler().setYAxisDecimalPattern(decimalPattern(y[1] - y[0]));
  }

  /**
   * The y-axis range: the data's range, widened symmetrically about its centre to at least
   * {@code max(4·SE, 1e-6·max(1, |centre|))} so that noise below the estimates' standard error is
   * not magnified, plus a 5 % margin; null for no data.
   */
  static double[] yRange(List<Curve> curves, double standardError) {
    double[] r = range(curves, false);
    if (r == null) {
      return null;
    }
    double centre = 0.5 * (r[0] + r[1]);
    double se = Double.isFinite(standardError) ? Math.max(0, standardError) : 0;
    double least = Math.max(MIN_SPAN_IN_STANDARD_ERRORS * se,
        MIN_RELATIVE_SPAN * Math.max(1.0, Math.abs(centre)));
    double half = 0.5 * Math.max(r[1] - r[0], least) * 1.05;
    return new double[] {centre - half, centre + half};
  }

  /**
   * A fixed-point tick pattern for an axis spanning {@code span}: enough decimals that about five
   * ticks differ in their labels ({@code ceil(−log10(span/5))}, 0 to 9), grouping separators,
   * never scientific notation.
   */
  static String decimalPattern(double span) {
    int decimals = span > 0 && Double.isFinite(span)
        ? (int) Math.ceil(-Math.log10(span / 5.0)) : 0;
    decimals = Math.max(0, Math.min(9, decimals));
    return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
  }

  /**
   * Robust noise of a curve's values: the median absolute difference of successive values over its
   * second half divided by √2 (the standard deviation of one value if they are independent
   * estimates around a slowly changing mean); 0 for fewer than three values.
   */
  static double noise(double[] y) {
    int from = y.length / 2;
    int n = y.length - from - 1;
    if (n < 2) {
      return 0;
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.abs(y[from + i + 1] - y[from + i]);
    }
    Arrays.sort(d);
    double median = n % 2 == 1 ? d[n / 2] : 0.5 * (d[n / 2 - 1] + d[n / 2]);
    return Double.isFinite(median) ? median / Math.sqrt(2) : 0;
  }

  /** The paper's value as a dotted horizontal line over the curve's x range, if it exists. */
  private static java.util.Optional<Curve> paperLine(XYChart chart, String codeword,
      double value, Curve over, java.awt.Color color) {
    if (!Double.isFinite(value) || over.x().length == 0) {
      return java.util.Optional.empty();
    }
    double[] x = {over.x()[0], over.x()[over.x().length - 1]};
    double[] y = {value, value};
    XYSeries s = chart.addSeries(codeword + " paper " + String.format(java.util.Locale.ROOT,
        "%.2f", value), x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineStyle(SeriesLines.DOT_DOT);
    s.setLineColor(color);
    return java.util.Optional.of(new Curve(x, y));
  }

  /** {@code [min, max]} of the x or y values of {@code curves}, or null when there are none. */
  private static double[] range(List<Curve> curves, boolean xAxis) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Curve c : curves) {
      for (double v : xAxis ? c.x() : c.y()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min <= max ? new double[] {min, max} : null;
  }

  static boolean logWorthy(List<Curve> curves, boolean xAxis) {
    double[] r = range(curves, xAxis);
    return r != null && r[0] > 0 && r[1] / r[0] > 20;
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
