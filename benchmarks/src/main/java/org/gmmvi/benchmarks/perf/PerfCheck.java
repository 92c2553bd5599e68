package org.gmmvi.benchmarks.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Performance-regression check over a JMH JSON result file (used by {@code ci/perf-check.sh}).
 *
 * <p>Every score is converted to a cost in nanoseconds per operation (for JMH's sample mode,
 * {@code -bm sample}, the fastest sampled operation: on a shared machine the minimum is far less
 * disturbed by other processes than the mean) and divided by the cost of the
 * calibration benchmark ({@code CalibrationBenchmark.matmul96}) measured in the same JVM session:
 * {@code normalised = cost / calibrationCost}. The check compares it with the committed baseline:
 * {@code ratio = normalised / baselineNormalised}; a ratio above the threshold (default 1.5: the
 * machines are shared and noisy) is a regression, and the exit code is 1.
 *
 * <pre>
 * PerfCheck --results jmh.json --baseline ci/perf-baseline.json [--threshold 1.5]
 *           [--history ci/perf-history.csv] [--write-baseline] [--markdown] [--revision REV]
 * </pre>
 * Exit codes: 0 no regression, 1 regression, 2 bad arguments or unreadable input.
 */
public final class PerfCheck {

  /** JMH name of the calibration benchmark. */
  public static final String CALIBRATION =
      "org.gmmvi.benchmarks.calibration.CalibrationBenchmark.matmul96";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PerfCheck() {}

  /** One benchmark's cost. */
  record Score(String key, double nsPerOp, double errorNs) {}

  /** One row of the comparison table. */
  record Row(String key, double nsPerOp, double normalised, Double baselineNormalised,
      Double ratio, String verdict) {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("perf-check: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args) throws IOException {
    Map<String, String> opts = parse(args);
    Path results = Path.of(require(opts, "--results"));
    Path baselinePath = Path.of(require(opts, "--baseline"));
    double threshold = Double.parseDouble(opts.getOrDefault("--threshold", "1.5"));
    String revision = opts.getOrDefault("--revision", "unknown");

    Map<String, Score> scores = readJmh(results);
    Score calib = scores.get(CALIBRATION);
    if (calib == null) {
      throw new IllegalArgumentException(results + " has no result of the calibration benchmark "
          + CALIBRATION + "; run it in the same JMH session");
    }
    if (opts.containsKey("--write-baseline")) {
      writeBaseline(baselinePath, scores, calib, revision);
      System.out.println("perf-check: wrote baseline " + baselinePath + " with " + scores.size()
          + " benchmarks (calibration " + fmt(calib.nsPerOp()) + " ns/op)");
      return 0;
    }
    Map<String, Double> baseline = readBaseline(baselinePath);
    List<Row> rows = compare(scores, calib, baseline, threshold);
    printTable(rows, calib, threshold, opts.containsKey("--markdown"));
    if (opts.containsKey("--history")) {
      appendHistory(Path.of(opts.get("--history")), rows, calib, revision);
    }
    long regressions = rows.stream().filter(r -> r.verdict().equals("REGRESSION")).count();
    if (regressions > 0) {
      System.out.println("perf-check: " + regressions + " regression(s) beyond " + threshold
          + "x of the baseline (normalised by the calibration benchmark)");
      return 1;
    }
    System.out.println("perf-check: no regression beyond " + threshold + "x");
    return 0;
  }

  static List<Row> compare(Map<String, Score> scores, Score calib, Map<String, Double> baseline,
      double threshold) {
    List<Row> rows = new ArrayList<>();
    for (Score s : scores.values()) {
      double norm = s.nsPerOp() / calib.nsPerOp();
      Double base = baseline.get(s.key());
      if (s.key().equals(CALIBRATION)) {
        rows.add(new Row(s.key(), s.nsPerOp(), 1.0, 1.0, 1.0, "calibration"));
      } else if (base == null) {
        rows.add(new Row(s.key(), s.nsPerOp(), norm, null, null, "new"));
      } else {
        double ratio = norm / base;
        rows.add(new Row(s.key(), s.nsPerOp(), norm, base, ratio,
            ratio > threshold ? "REGRESSION" : ratio < 1.0 / threshold ? "faster" : "ok"));
      }
    }
    for (String k : baseline.keySet()) {
      if (!scores.containsKey(k)) {
        rows.add(new Row(k, Double.NaN, Double.NaN, baseline.get(k), null, "missing"));
      }
    }
    return rows;
  }

  /** Reads a JMH JSON result file into costs in ns/op, keyed by benchmark name and parameters. */
  static Map<String, Score> readJmh(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("JMH result file not found: " + file);
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (!root.isArray()) {
      throw new IllegalArgumentException(file + " is not a JMH JSON result (expected an array)");
    }
    Map<String, Score> out = new TreeMap<>();
    for (JsonNode b : root) {
      String key = key(b.path("benchmark").asText(), b.path("params"));
      String mode = b.path("mode").asText();
      JsonNode pm = b.path("primaryMetric");
      double score = pm.path("score").asDouble(Double.NaN);
      double err = pm.path("scoreError").asDouble(Double.NaN);
      JsonNode min = pm.path("scorePercentiles").path("0.0");
      if (mode.equals("sample") && min.isNumber()) {
        // Sampled op times: the fastest op is the least disturbed by other processes.
        score = min.asDouble();
        err = 0;
      }
      String unit = pm.path("scoreUnit").asText();
      out.put(key, new Score(key, toNsPerOp(score, unit, mode), toNsPerOp(score, unit, mode)
          * (Double.isNaN(err) || score == 0 ? 0 : Math.abs(err / score))));
    }
    return out;
  }

  static String key(String benchmark, JsonNode params) {
    if (params == null || params.isMissingNode() || params.isEmpty()) {
      return benchmark;
    }
    Map<String, String> sorted = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = params.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      sorted.put(e.getKey(), e.getValue().asText());
    }
    StringBuilder sb = new StringBuilder(benchmark).append('[');
    sorted.forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
    sb.setLength(sb.length() - 1);
    return sb.append(']').toString();
  }

  /** Converts a JMH score to ns per operation ({@code avgt}/{@code ss}/{@code sample}: time per op; {@code thrpt}: ops per time). */
  static double toNsPerOp(double score, String unit, String mode) {
    String[] parts = unit.split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("unsupported JMH unit '" + unit + "'");
    }
    if (mode.equals("thrpt")) {
      return nsPer(parts[1]) / score;
    }
    return score * nsPer(parts[0]);
  }

  private static double nsPer(String timeUnit) {
    return switch (timeUnit) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "min" -> 60e9;
      default -> throw new IllegalArgumentException("unsupported JMH time unit '" + timeUnit + "'");
    };
  }

  static Map<String, Double> readBaseline(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("baseline not found: " + file
          + " (create it with ci/perf-check.sh --update-baseline)");
    }
    JsonNode root = JSON.readTree(file.toFile());
    Map<String, Double> out = new LinkedHashMap<>();
    JsonNode b = root.path("benchmarks");
    Iterator<Map.Entry<String, JsonNode>> it = b.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().path("normalised").asDouble());
    }
    return out;
  }

  private static void writeBaseline(Path file, Map<String, Score> scores, Score calib,
      String revision) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("created", Instant.now().toString());
    root.put("revision", revision);
    root.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("os.arch") + ", JDK " + Runtime.version());
    root.put("calibration", CALIBRATION);
    root.put("calibration_ns_per_op", calib.nsPerOp());
    ObjectNode b = root.putObject("benchmarks");
    for (Score s : scores.values()) {
      ObjectNode o = b.putObject(s.key());
      o.put("ns_per_op", s.nsPerOp());
      o.put("normalised", s.nsPerOp() / calib.nsPerOp());
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void printTable(List<Row> rows, Score calib, double threshold, boolean markdown) {
    System.out.println();
    System.out.printf(Locale.ROOT, "calibration %s: %s ns/op; threshold %.2fx%n", CALIBRATION,
        fmt(calib.nsPerOp()), threshold);
    System.out.println("| benchmark | score (ns/op) | normalised | baseline | ratio | verdict |");
    System.out.println("|---|---:|---:|---:|---:|---|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
          markdown ? "`" + shorten(r.key()) + "`" : shorten(r.key()), fmt(r.nsPerOp()),
          fmt(r.normalised()), r.baselineNormalised() == null ? "-" : fmt(r.baselineNormalised()),
          r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()), r.verdict());
    }
    System.out.println();
  }

  private static void appendHistory(Path file, List<Row> rows, Score calib, String revision)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    if (!Files.exists(file)) {
      sb.append("timestamp,revision,benchmark,ns_per_op,calibration_ns_per_op,normalised,ratio\n");
    }
    String now = Instant.now().toString();
    for (Row r : rows) {
      if (Double.isNaN(r.nsPerOp())) {
        continue;
      }
      sb.append(now).append(',').append(revision).append(",\"").append(r.key()).append("\",")
          .append(r.nsPerOp()).append(',').append(calib.nsPerOp()).append(',')
          .append(r.normalised()).append(',').append(r.ratio() == null ? "" : r.ratio())
          .append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.out.println("perf-check: appended " + rows.size() + " rows to " + file);
  }

  private static String shorten(String key) {
    return key.startsWith("org.gmmvi.benchmarks.") ? key.substring(21) : key;
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--write-baseline", "--markdown" -> m.put(a, "true");
        case "--results", "--baseline", "--threshold", "--history", "--revision" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + a + " needs a value");
          }
          m.put(a, args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; options: "
            + "--results F --baseline F [--threshold X] [--history F] [--write-baseline] "
            + "[--markdown] [--revision R]");
      }
    }
    return m;
  }

  private static String require(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing required option " + key);
    }
    return v;
  }
}
