package org.gmmvi.problems;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.NumericTable;

/**
 * Shared fixture access for the problem tests: the data directory (tests skip with a message naming
 * the path when it is truly absent), test-vector tables and JSON files.
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
}
