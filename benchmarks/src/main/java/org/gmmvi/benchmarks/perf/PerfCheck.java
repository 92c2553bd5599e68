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
 * {@code ratio = normalised / baselineNormalised}; a ratio above the threshold is a regression, and
 * the exit code is 1.
 *
 * <p>Rounds: {@code --results} may be given several times, one JMH session (round) each, every
 * one with its own calibration. A benchmark's normalised cost is the <em>smallest</em> over the
 * rounds that measured it, so a benchmark is a regression only if it was beyond the threshold in
 * every round: a burst of load on a shared machine slows one round, not all of them.
 * {@code ci/perf-check.sh} runs one round of the whole subset and reruns only the suspects
 * ({@code --suspects FILE} lists them) until the regression either disappears or has repeated in
 * every round. A ratio below {@code 1/threshold} marks the baseline as stale (the code got faster,
 * so a later slowdown back to the old speed would pass unseen): the check says so.
 *
 * <pre>
 * PerfCheck --results jmh.json [--results round2.json ...] --baseline ci/perf-baseline.json
 *           [--threshold 1.3] [--history ci/perf-history.csv] [--suspects FILE]
 *           [--write-baseline] [--markdown] [--revision REV]
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

  /** Default regression threshold on the normalised ratio. */
  public static final double DEFAULT_THRESHOLD = 1.3;

  /**
   * One row of the comparison table; {@code rounds} is how many rounds measured the benchmark
   * and {@code nsPerOp}/{@code normalised} are from its best (least normalised) round.
   */
  record Row(String key, double nsPerOp, double normalised, Double baselineNormalised,
      Double ratio, String verdict, int rounds) {}

  /**
   * One benchmark's best round: the smallest normalised cost over the rounds that measured it.
   *
   * @param nsPerOp raw cost of that round (ns/op)
   * @param calibrationNsPerOp that round's calibration cost (ns/op)
   * @param rounds number of rounds that measured the benchmark
   */
  record Best(String key, double nsPerOp, double calibrationNsPerOp, int rounds) {
    double normalised() {
      return nsPerOp / calibrationNsPerOp;
    }
  }

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("perf-check: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args) throws IOException {
    Options opts = parse(args);
    List<Map<String, Score>> rounds = new ArrayList<>();
    for (Path results : opts.results()) {
      Map<String, Score> scores = readJmh(results);
      if (!scores.containsKey(CALIBRATION)) {
        throw new IllegalArgumentException(results + " has no result of the calibration benchmark "
            + CALIBRATION + "; run it in the same JMH session");
      }
      rounds.add(scores);
    }
    Map<String, Best> best = bestOfRounds(rounds);
    Best calib = best.get(CALIBRATION);
    if (opts.writeBaseline()) {
      writeBaseline(opts.baseline(), medianOfRounds(rounds), opts.revision());
      System.out.println("perf-check: wrote baseline " + opts.baseline() + " with " + best.size()
          + " benchmarks from " + rounds.size() + " round(s) (calibration "
          + fmt(calib.nsPerOp()) + " ns/op)");
      return 0;
    }
    Map<String, Double> baseline = readBaseline(opts.baseline());
    List<Row> rows = compare(best, baseline, opts.threshold());
    printTable(rows, rounds.size(), opts.threshold(), opts.markdown());
    if (opts.history() != null) {
      appendHistory(opts.history(), rows, calib, opts.revision());
    }
    List<String> suspects = rows.stream().filter(r -> r.verdict().equals("REGRESSION"))
        .map(Row::key).toList();
    if (opts.suspects() != null) {
      writeSuspects(opts.suspects(), suspects);
    }
    long stale = rows.stream().filter(r -> r.verdict().equals("faster")).count();
    if (stale > 0) {
      System.out.println("perf-check: " + stale + " benchmark(s) faster than 1/" + opts.threshold()
          + " of the baseline: the baseline is stale; refresh it on an idle machine with"
          + " ci/perf-check.sh --update-baseline and commit it");
    }
    if (!suspects.isEmpty()) {
      System.out.println("perf-check: " + suspects.size() + " regression(s) beyond "
          + opts.threshold() + "x of the baseline in every one of " + rounds.size()
          + " round(s) (normalised by the calibration benchmark of each round)");
      return 1;
    }
    System.out.println("perf-check: no regression beyond " + opts.threshold() + "x");
    return 0;
  }

  /**
   * The baseline's combination of rounds: per benchmark the round with the median normalised cost
   * (the lower median for an even count). A baseline is a typical value, not the luckiest one: the
   * check compares the best of its rounds with it, and a best-of-rounds baseline would put a
   * noisy benchmark's typical run just below the threshold.
   */
  static Map<String, Best> medianOfRounds(List<Map<String, Score>> rounds) {
    Map<String, List<Best>> all = new TreeMap<>();
    for (Map<String, Score> round : rounds) {
      double calib = round.get(CALIBRATION).nsPerOp();
      for (Score s : round.values()) {
        all.computeIfAbsent(s.key(), k -> new ArrayList<>())
            .add(new Best(s.key(), s.nsPerOp(), calib, 0));
      }
    }
    Map<String, Best> out = new TreeMap<>();
    all.forEach((k, list) -> {
      list.sort(java.util.Comparator.comparingDouble(Best::normalised));
      Best m = list.get((list.size() - 1) / 2);
      out.put(k, new Best(k, m.nsPerOp(), m.calibrationNsPerOp(), list.size()));
    });
    return out;
  }

  /**
   * Combines rounds: per benchmark the round with the smallest normalised cost (each round's
   * cost divided by that round's calibration cost).
   */
  static Map<String, Best> bestOfRounds(List<Map<String, Score>> rounds) {
    Map<String, Best> best = new TreeMap<>();
    for (Map<String, Score> round : rounds) {
      double calib = round.get(CALIBRATION).nsPerOp();
      for (Score s : round.values()) {
        Best old = best.get(s.key());
        int count = old == null ? 1 : old.rounds() + 1;
        Best candidate = new Best(s.key(), s.nsPerOp(), calib, count);
        if (old == null || candidate.normalised() < old.normalised()) {
          best.put(s.key(), candidate);
        } else {
          best.put(s.key(), new Best(old.key(), old.nsPerOp(), old.calibrationNsPerOp(), count));
        }
      }
    }
    return best;
  }

  static List<Row> compare(Map<String, Best> best, Map<String, Double> baseline,
      double threshold) {
    List<Row> rows = new ArrayList<>();
    for (Best b : best.values()) {
      double norm = b.normalised();
      Double base = baseline.get(b.key());
      if (b.key().equals(CALIBRATION)) {
        rows.add(new Row(b.key(), b.nsPerOp(), 1.0, 1.0, 1.0, "calibration", b.rounds()));
      } else if (base == null) {
        rows.add(new Row(b.key(), b.nsPerOp(), norm, null, null, "new", b.rounds()));
      } else {
        double ratio = norm / base;
        String verdict = ratio > threshold ? "REGRESSION" : ratio < 1.0 / threshold ? "faster"
            : "ok";
        rows.add(new Row(b.key(), b.nsPerOp(), norm, base, ratio, verdict, b.rounds()));
      }
    }
    for (String k : baseline.keySet()) {
      if (!best.containsKey(k)) {
        rows.add(new Row(k, Double.NaN, Double.NaN, baseline.get(k), null, "missing", 0));
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

  private static void writeBaseline(Path file, Map<String, Best> best, String revision)
      throws IOException {
    Best calib = best.get(CALIBRATION);
    ObjectNode root = JSON.createObjectNode();
    root.put("created", Instant.now().toString());
    root.put("revision", revision);
    root.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("os.arch") + ", JDK " + Runtime.version());
    root.put("calibration", CALIBRATION);
    root.put("calibration_ns_per_op", calib.nsPerOp());
    ObjectNode b = root.putObject("benchmarks");
    for (Best s : best.values()) {
      ObjectNode o = b.putObject(s.key());
      o.put("ns_per_op", s.nsPerOp());
      o.put("normalised", s.normalised());
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes the JMH benchmark names (parameters dropped) of the regressions, one a line. */
  private static void writeSuspects(Path file, List<String> keys) throws IOException {
    StringBuilder sb = new StringBuilder();
    keys.stream().map(k -> k.contains("[") ? k.substring(0, k.indexOf('[')) : k).distinct()
        .forEach(k -> sb.append(k).append('\n'));
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  private static void printTable(List<Row> rows, int rounds, double threshold,
      boolean markdown) {
    System.out.println();
    System.out.printf(Locale.ROOT, "calibration %s; %d round(s), best round per benchmark;"
        + " threshold %.2fx%n", CALIBRATION, rounds, threshold);
    System.out.println("| benchmark | score (ns/op) | normalised | baseline | ratio | rounds |"
        + " verdict |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s |%n",
          markdown ? "`" + shorten(r.key()) + "`" : shorten(r.key()), fmt(r.nsPerOp()),
          fmt(r.normalised()), r.baselineNormalised() == null ? "-" : fmt(r.baselineNormalised()),
          r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()), r.rounds(),
          r.verdict());
    }
    System.out.println();
  }

  private static void appendHistory(Path file, List<Row> rows, Best calib, String revision)
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

  /** Parsed command line. */
  record Options(List<Path> results, Path baseline, double threshold, Path history,
      Path suspects, boolean writeBaseline, boolean markdown, String revision) {}

  private static Options parse(String[] args) {
    List<Path> results = new ArrayList<>();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--write-baseline", "--markdown" -> m.put(a, "true");
        case "--results", "--baseline", "--threshold", "--history", "--revision", "--suspects" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + a + " needs a value");
          }
          if (a.equals("--results")) {
            results.add(Path.of(args[++i]));
          } else {
            m.put(a, args[++i]);
          }
        }
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; options: "
            + "--results F [--results F ...] --baseline F [--threshold X] [--history F]"
            + " [--suspects F] [--write-baseline] [--markdown] [--revision R]");
      }
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException("missing required option --results");
    }
    double threshold = m.containsKey("--threshold") ? parseThreshold(m.get("--threshold"))
        : DEFAULT_THRESHOLD;
    return new Options(results, Path.of(require(m, "--baseline")), threshold,
        m.containsKey("--history") ? Path.of(m.get("--history")) : null,
        m.containsKey("--suspects") ? Path.of(m.get("--suspects")) : null,
        m.containsKey("--write-baseline"), m.containsKey("--markdown"),
        m.getOrDefault("--revision", "unknown"));
  }

  private static double parseThreshold(String text) {
    double t;
    try {
      t = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--threshold must be a number above 1, got '" + text
          + "'");
    }
    if (!(t > 1)) {
      throw new IllegalArgumentException("--threshold must be a number above 1, got '" + text
          + "'");
    }
    return t;
  }

  private static String require(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing required option " + key);
    }
    return v;
  }
}
