package org.gmmvi.problems.io;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A dense numeric table read from one of the data files, stored row-major
 * ({@code data[r*cols + c]}).
 *
 * <p>Two layouts (see {@code shared/data/README.md}):
 * <ul>
 *   <li>{@link #readCsv}: comma separated, {@code #} comment lines, then exactly one header line,
 *       then data rows; gzip-compressed when the name ends in {@code .gz};</li>
 *   <li>{@link #readWhitespace}: whitespace separated, no header (the two UCI files).</li>
 * </ul>
 * Every malformed input (wrong column count, non-numeric cell, empty file, truncated gzip stream)
 * raises a {@link DataFormatException} naming the file and the 1-based line.
 */
public record NumericTable(Path file, String[] header, int rows, int cols, double[] data) {

  /** Element {@code (r, c)}. */
  public double get(int r, int c) {
    return data[r * cols + c];
  }

  /** A copy of row {@code r}. */
  public double[] row(int r) {
    return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
  }

  /**
   * Throws a {@link DataFormatException} unless the table has {@code expectedRows} rows and
   * {@code expectedCols} columns (a negative expectation is not checked). Returns {@code this}.
   */
  public NumericTable requireShape(int expectedRows, int expectedCols) {
    if ((expectedRows >= 0 && rows != expectedRows) || (expectedCols >= 0 && cols != expectedCols)) {
      throw new DataFormatException(file + ": expected " + (expectedRows < 0 ? "any number of" : expectedRows)
          + " rows x " + (expectedCols < 0 ? "any number of" : expectedCols) + " columns, found "
          + rows + " x " + cols);
    }
    return this;
  }

  /** Reads a comma-separated file with comment lines and one header line (gzip if {@code *.gz}). */
  public static NumericTable readCsv(Path file) {
    return read(file, true);
  }

  /** Reads a whitespace-separated file without header. */
  public static NumericTable readWhitespace(Path file) {
    return read(file, false);
  }

  private static NumericTable read(Path file, boolean csv) {
    if (!Files.isRegularFile(file)) {
      throw new DataMissingException("data file not found: " + file);
    }
    try (InputStream raw = open(file);
         BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8),
             1 << 16)) {
      return parse(file, in, csv);
    } catch (EOFException | ZipException e) {
      throw new DataFormatException(file + ": truncated or corrupt gzip stream (" + e.getMessage()
          + ")", e);
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream s = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      try {
        return new GZIPInputStream(s, 1 << 16);
      } catch (IOException e) {
        s.close();
        throw e;
      }
    }
    return s;
  }

  private static NumericTable parse(Path file, BufferedReader in, boolean csv) throws IOException {
    String[] header = null;
    int cols = -1;
    double[] data = new double[1024];
    int n = 0;
    int rows = 0;
    int lineNo = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || (csv && t.startsWith("#"))) {
        continue;
      }
      if (csv && header == null) {
        header = t.split(",", -1);
        cols = header.length;
        continue;
      }
      String[] cells = csv ? t.split(",", -1) : t.split("\\s+");
      if (cols < 0) {
        cols = cells.length;
      }
      if (cells.length != cols) {
        throw new DataFormatException(file + " line " + lineNo + ": expected " + cols
            + " columns, found " + cells.length);
      }
      if (n + cols > data.length) {
        data = Arrays.copyOf(data, Math.max(2 * data.length, n + cols));
      }
      for (int c = 0; c < cols; c++) {
        data[n++] = parseCell(file, lineNo, c, cells[c]);
      }
      rows++;
    }
    if (rows == 0) {
      throw new DataFormatException(file + ": no data rows");
    }
    return new NumericTable(file, header == null ? new String[0] : header, rows, cols,
        Arrays.copyOf(data, n));
  }

  private static double parseCell(Path file, int lineNo, int col, String cell) {
    try {
      return Double.parseDouble(cell.strip());
    } catch (NumberFormatException e) {
      throw new DataFormatException(file + " line " + lineNo + " column " + (col + 1)
          + ": not a number: '" + cell + "'");
    }
  }
}
