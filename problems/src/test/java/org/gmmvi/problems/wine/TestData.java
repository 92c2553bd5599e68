package org.gmmvi.problems.wine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test access to the shared data directory (shared/data/README.md): system property
 * {@code gmmvi.data.dir} (set by surefire), else the environment variable {@code GMMVI_DATA}. Tests
 * that need it are skipped, with a message naming what was tried, when it is absent.
 */
public final class TestData {

  private TestData() {}

  /** The data directory, or a skipped test if it cannot be found. */
  public static Path dataDir() {
    String prop = System.getProperty("gmmvi.data.dir");
    String env = System.getenv("GMMVI_DATA");
    String chosen = prop != null && !prop.isBlank() ? prop : env;
    assumeTrue(chosen != null && !chosen.isBlank(),
        "data directory not configured: set -Dgmmvi.data.dir or GMMVI_DATA");
    Path dir = Path.of(chosen);
    assumeTrue(Files.isDirectory(dir), "data directory not found: " + dir.toAbsolutePath());
    return dir;
  }

  /** A file below the data directory; the test is skipped if it does not exist. */
  public static Path file(String relative) {
    Path f = dataDir().resolve(relative);
    assumeTrue(Files.isRegularFile(f), "data file not found: " + f.toAbsolutePath());
    return f;
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

  /** Reads {@code testvectors/<name>} (skipped if absent). */
  public static Vectors vectors(String name) {
    NumericCsv.Table t = NumericCsv.read(file("testvectors/" + name));
    double[][] rows = new double[t.rows()][t.columns()];
    for (int i = 0; i < t.rows(); i++) {
      System.arraycopy(t.data(), i * t.columns(), rows[i], 0, t.columns());
    }
    return new Vectors(t.header(), rows);
  }

  /**
   * Asserts the test-vector tolerances of shared/data/README.md: value 1e-9 relative, gradient absolute
   * {@code gradTol · max(1, max_j |expected_j|)}.
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
