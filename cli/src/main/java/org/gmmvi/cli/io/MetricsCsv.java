package org.gmmvi.cli.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code metrics.csv} of a run: a header line, then one row per logged iteration; the first
 * column is always {@code iteration}.
 *
 * <p>Every {@link #append} rewrites the whole file atomically ({@link AtomicFiles}), so the file on
 * disk is always complete. A resumed run calls {@link #resume} with the checkpoint's iteration,
 * which drops every row logged after the checkpoint: the continued run then appends exactly the
 * rows an uninterrupted run would have written, without duplicates or gaps.
 */
public final class MetricsCsv {

  private final Path file;
  private List<String> header;
  private final List<String[]> rows = new ArrayList<>();

  private MetricsCsv(Path file) {
    this.file = file;
  }

  /** A new, empty table written to {@code file} on the first {@link #append}. */
  public static MetricsCsv create(Path file) {
    return new MetricsCsv(file);
  }

  /** Reads an existing file (header and rows). */
  public static MetricsCsv read(Path file) throws IOException {
    MetricsCsv m = new MetricsCsv(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return m;
    }
    m.header = List.of(lines.get(0).split(",", -1));
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != m.header.size()) {
        throw new IOException(file + " line " + (i + 1) + " has " + cells.length
            + " cells, the header has " + m.header.size());
      }
      m.rows.add(cells);
    }
    return m;
  }

  /**
   * For a resumed run: the existing file truncated to the rows with {@code iteration <=
   * lastIteration} (rewritten atomically), or a new table if the file does not exist.
   */
  public static MetricsCsv resume(Path file, int lastIteration) throws IOException {
    if (!Files.exists(file)) {
      return create(file);
    }
    MetricsCsv m = read(file);
    m.rows.removeIf(r -> Integer.parseInt(r[0]) > lastIteration);
    if (m.header != null) {
      m.save();
    }
    return m;
  }

  /**
   * Appends one row (column name → value; the first row fixes the columns, the first key must be
   * {@code iteration}) and rewrites the file atomically.
   *
   * @throws IllegalArgumentException if the columns differ from the header
   */
  public void append(Map<String, ?> row) throws IOException {
    List<String> keys = List.copyOf(row.keySet());
    if (header == null) {
      if (keys.isEmpty() || !keys.get(0).equals("iteration")) {
        throw new IllegalArgumentException("the first column must be 'iteration', got " + keys);
      }
      header = keys;
    } else if (!header.equals(keys)) {
      throw new IllegalArgumentException("metrics row columns " + keys + " differ from the header "
          + header + " of " + file);
    }
    String[] cells = new String[keys.size()];
    int i = 0;
    for (Object v : row.values()) {
      cells[i++] = format(v);
    }
    rows.add(cells);
    save();
  }

  private static String format(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    if (s.indexOf(',') >= 0 || s.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("metric values must not contain ',' or newlines: " + s);
    }
    return s;
  }

  private void save() throws IOException {
    StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
    sb.append(String.join(",", header)).append('\n');
    for (String[] r : rows) {
      sb.append(String.join(",", r)).append('\n');
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  /** Column names (empty before the first row). */
  public List<String> header() {
    return header == null ? List.of() : header;
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** The values of {@code column} as doubles (empty cells and unparsable values become NaN). */
  public double[] column(String column) {
    int c = header().indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException("no column '" + column + "' in " + file + "; columns: "
          + header());
    }
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parse(rows.get(i)[c]);
    }
    return out;
  }

  /** Whether the table has {@code column}. */
  public boolean hasColumn(String column) {
    return header().contains(column);
  }

  /** A copy of row {@code i}'s cells. */
  public String[] row(int i) {
    return Arrays.copyOf(rows.get(i), rows.get(i).length);
  }

  private static double parse(String s) {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
