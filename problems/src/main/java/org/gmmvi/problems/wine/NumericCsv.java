package org.gmmvi.problems.wine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal reader for the data directory's numeric CSV format (shared/data/README.md): lines starting
 * with {@code #} are comments, then one header line, then rows of comma-separated numbers.
 *
 * <p>Package-private on purpose; the problems module's common data reader replaces it when merged.
 */
final class NumericCsv {

  private NumericCsv() {}

  /** A parsed table: the column names and the rows as {@code rows × columns} row-major data. */
  record Table(List<String> header, int rows, int columns, double[] data) {

    /** Entry {@code (i, j)}. */
    double get(int i, int j) {
      return data[i * columns + j];
    }
  }

  /**
   * Reads {@code file}; every data row must have as many fields as the header.
   *
   * @throws IllegalArgumentException if the file is missing, empty or malformed (message names the file
   *     and line)
   */
  static Table read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("data file not found: " + file.toAbsolutePath());
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = null;
      List<double[]> rows = new ArrayList<>();
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(",", -1);
        if (header == null) {
          header = List.of(fields);
          continue;
        }
        if (fields.length != header.size()) {
          throw new IllegalArgumentException(file + " line " + lineNo + ": expected " + header.size()
              + " fields as in the header, found " + fields.length);
        }
        double[] row = new double[fields.length];
        for (int j = 0; j < fields.length; j++) {
          try {
            row[j] = Double.parseDouble(fields[j].trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + lineNo + " column '" + header.get(j)
                + "': not a number: '" + fields[j] + "'", e);
          }
        }
        rows.add(row);
      }
      if (header == null) {
        throw new IllegalArgumentException("no header line in " + file);
      }
      int columns = header.size();
      double[] data = new double[rows.size() * columns];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, data, i * columns, columns);
      }
      return new Table(header, rows.size(), columns, data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
