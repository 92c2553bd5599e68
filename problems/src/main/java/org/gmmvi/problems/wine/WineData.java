package org.gmmvi.problems.wine;

import java.util.List;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.DataFormatException;
import org.gmmvi.problems.io.NumericTable;

/**
 * The white-wine quality regression data of one split seed (PROBLEMS.md §4.7): train (2,938 rows),
 * test (979) and validation (981) splits, features already standardised by the reference.
 *
 * <p>Files: {@code <dataDir>/datasets/wine/wine_seed_<i>_{train,test,vali}.csv}, columns
 * {@link #FEATURES} then {@code quality}. Feature values are read as double (the file holds the exact
 * float32 values of the reference).
 */
public final class WineData {

  /** Number of input features. */
  public static final int NUM_FEATURES = 11;

  /** Feature column names in file (and network input) order. */
  public static final List<String> FEATURES = List.of("alcohol", "chlorides", "citric_acid", "density",
      "fixed_acidity", "free_sulfur_dioxide", "pH", "residual_sugar", "sulphates",
      "total_sulfur_dioxide", "volatile_acidity");

  /** Number of split seeds shipped (0..9). */
  public static final int NUM_SPLITS = 10;

  private final int splitSeed;
  private final Split train;
  private final Split test;
  private final Split validation;

  /**
   * One split: {@code rows × 11} row-major features and {@code rows} labels.
   *
   * @param features {@code x[n*11 + a]} = feature {@code a} of row {@code n}
   * @param labels   quality of each row (not standardised)
   */
  public record Split(int rows, double[] features, double[] labels) {

    /** Checks the shapes. */
    public Split {
      if (rows <= 0 || features.length != rows * NUM_FEATURES || labels.length != rows) {
        throw new IllegalArgumentException("a wine split needs rows > 0, rows*11 features and rows labels;"
            + " got rows=" + rows + ", features=" + features.length + ", labels=" + labels.length);
      }
    }
  }

  private WineData(int splitSeed, Split train, Split test, Split validation) {
    this.splitSeed = splitSeed;
    this.train = train;
    this.test = test;
    this.validation = validation;
  }

  /**
   * Loads split seed {@code splitSeed} (0..9) from {@code data}.
   *
   * @throws IllegalArgumentException for a split seed outside 0..9
   * @throws org.gmmvi.problems.io.DataMissingException if a split file is missing
   * @throws DataFormatException if a split file is malformed or has other columns
   */
  public static WineData load(DataDirectory data, int splitSeed) {
    if (splitSeed < 0 || splitSeed >= NUM_SPLITS) {
      throw new IllegalArgumentException(
          "wine split seed must be in 0.." + (NUM_SPLITS - 1) + ", got " + splitSeed);
    }
    String prefix = WineProblem.DATA_FOLDER + "/wine_seed_" + splitSeed + "_";
    return new WineData(splitSeed, readSplit(data, prefix + "train.csv"),
        readSplit(data, prefix + "test.csv"), readSplit(data, prefix + "vali.csv"));
  }

  /** The split seed used by run seed {@code seed}: {@code seed mod 10} (non-negative). */
  public static int splitSeedOf(long seed) {
    return (int) Math.floorMod(seed, (long) NUM_SPLITS);
  }

  private static Split readSplit(DataDirectory data, String relative) {
    NumericTable t = NumericTable.readCsv(data.file(relative));
    List<String> expected = new java.util.ArrayList<>(FEATURES);
    expected.add("quality");
    if (!List.of(t.header()).equals(expected)) {
      throw new DataFormatException(t.file() + ": expected columns " + expected + ", found "
          + List.of(t.header()));
    }
    double[] x = new double[t.rows() * NUM_FEATURES];
    double[] y = new double[t.rows()];
    for (int n = 0; n < t.rows(); n++) {
      for (int a = 0; a < NUM_FEATURES; a++) {
        x[n * NUM_FEATURES + a] = t.get(n, a);
      }
      y[n] = t.get(n, NUM_FEATURES);
    }
    return new Split(t.rows(), x, y);
  }

  /** The split seed these files belong to. */
  public int splitSeed() {
    return splitSeed;
  }

  /** Training split (2,938 rows in the shipped data). */
  public Split train() {
    return train;
  }

  /** Test split (979 rows). */
  public Split test() {
    return test;
  }

  /** Validation split (981 rows). */
  public Split validation() {
    return validation;
  }
}
