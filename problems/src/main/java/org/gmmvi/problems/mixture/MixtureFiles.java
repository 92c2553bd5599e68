package org.gmmvi.problems.mixture;

import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.NumericTable;

/**
 * Reads the shipped mixture targets of {@code targets/<problem>/seed<s>/} (shared/data/README.md):
 * {@code weights.csv} (K × 1), {@code means.csv} (K × D) and a matrix stack (K·D × D) as
 * {@code <name>.csv} or {@code <name>.csv.gz}.
 */
public final class MixtureFiles {

  private MixtureFiles() {}

  /** Folder of a shipped target, e.g. {@code targets/gmm20/seed10000}. */
  public static String folder(String problem, long seed) {
    return "targets/" + problem + "/seed" + seed;
  }

  /** Whether the folder exists below the data directory. */
  public static boolean shipped(DataDirectory data, String problem, long seed) {
    return data.exists() && data.has(folder(problem, seed));
  }

  /** Weights ({@code K}). */
  public static double[] weights(DataDirectory data, String folder, int k) {
    return NumericTable.readCsv(data.file(folder + "/weights.csv")).requireShape(k, 1).data();
  }

  /** Means ({@code K × D}). */
  public static double[] means(DataDirectory data, String folder, int k, int d) {
    return NumericTable.readCsv(data.file(folder + "/means.csv")).requireShape(k, d).data();
  }

  /** A matrix stack ({@code K·D × D}) from {@code <name>.csv} or, if absent, {@code <name>.csv.gz}. */
  public static double[] matrices(DataDirectory data, String folder, String name, int k, int d) {
    String plain = folder + "/" + name + ".csv";
    String file = data.has(plain) ? plain : plain + ".gz";
    return NumericTable.readCsv(data.file(file)).requireShape(k * d, d).data();
  }
}
