package org.gmmvi.problems;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.NumericTable;

/**
 * Shared fixture access for the problem tests: the data directory (tests skip with a message naming
 * the path when it is truly absent), test-vector tables, JSON files and the test-vector tolerances.
 */
public final class TestData {

  private TestData() {}

  /** The data directory, or a skipped test if it does not exist. */
  public static DataDirectory dir() {
    DataDirectory d = DataDirectory.resolve();
    assumeTrue(d.exists(), () -> "data directory absent, test skipped: tried " + d
        + "; set " + DataDirectory.ENV_VARIABLE + " or -D" + DataDirectory.PROPERTY);
    return d;
  }

  /** A CSV file below the data directory. */
  public static NumericTable csv(String relative) {
    return NumericTable.readCsv(dir().file(relative));
  }

  /** A JSON file below the data directory. */
  public static JsonNode json(String relative) {
    Path p = dir().file(relative);
    try {
      return new ObjectMapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON array of numbers as a double array. */
  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /** A test-vector table: column names and rows. */
  public record Vectors(List<String> header, double[][] rows) {

    /** Index of column {@code name}. */
    public int column(String name) {
      int j = header.indexOf(name);
      if (j < 0) {
        throw new IllegalArgumentException("no column '" + name + "' in " + header);
      }
      return j;
    }

    /** {@code count} consecutive entries of row {@code i} starting at column {@code first}. */
    public double[] slice(int i, String first, int count) {
      double[] out = new double[count];
      System.arraycopy(rows[i], column(first), out, 0, count);
      return out;
    }
  }

  /** Reads {@code testvectors/<name>} (skipped if the data directory is absent). */
  public static Vectors vectors(String name) {
    NumericTable t = csv("testvectors/" + name);
    double[][] rows = new double[t.rows()][];
    for (int i = 0; i < t.rows(); i++) {
      rows[i] = t.row(i);
    }
    return new Vectors(List.of(t.header()), rows);
  }

  /**
   * Asserts the test-vector tolerances of shared/data/README.md: value 1e-9 relative, gradient
   * absolute {@code gradTol · max(1, max_j |expected_j|)}.
   */
  public static void assertMatches(String what, double expectedValue, double value,
      double[] expectedGrad, double[] grad, double gradTol) {
    double relErr = Math.abs(value - expectedValue) / Math.max(Math.abs(expectedValue), 1e-300);
    if (!(relErr <= 1e-9)) {
      throw new AssertionError(what + ": log-density " + value + " vs expected " + expectedValue
          + " (relative error " + relErr + " > 1e-9)");
    }
    double maxAbs = 1.0;
    for (double v : expectedGrad) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    double tol = gradTol * maxAbs;
    for (int j = 0; j < expectedGrad.length; j++) {
      if (!(Math.abs(grad[j] - expectedGrad[j]) <= tol)) {
        throw new AssertionError(what + ": gradient entry " + j + " = " + grad[j] + ", expected "
            + expectedGrad[j] + " (tolerance " + tol + ")");
      }
    }
  }
}
