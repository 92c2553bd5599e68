package org.gmmvi.problems.logreg;

import java.util.Arrays;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.DataFormatException;
import org.gmmvi.problems.io.NumericTable;

/**
 * A preprocessed logistic-regression data set (PROBLEMS.md §4.1): design matrix {@code X = [1 | F]}
 * ({@code N × D}, row-major, column 0 the bias) and labels {@code y ∈ {0, 1}}.
 *
 * <p>Preprocessing: every feature column is divided by its population standard deviation over all
 * {@code N} rows of the file (denominator {@code N}, no centring), also when a test split is held
 * out.
 *
 * @param name    data-set name
 * @param x       {@code N × D} design matrix, row-major
 * @param y       {@code N} labels in {0, 1}
 * @param numRows N
 * @param dim     D (number of features plus one)
 */
public record LogisticRegressionData(String name, double[] x, double[] y, int numRows, int dim) {

  /** The two data sets of the paper. */
  public enum Dataset {
    /** UCI Breast Cancer Wisconsin (Diagnostic): 569 × 30 features, label in column 1. */
    BREAST_CANCER("datasets/breast_cancer.data", 569, 32),
    /** UCI Statlog German Credit (numeric): 1000 × 24 features, class 1/2 in column 24. */
    GERMAN_CREDIT("datasets/german.data-numeric", 1000, 25);

    final String file;
    final int rows;
    final int cols;

    Dataset(String file, int rows, int cols) {
      this.file = file;
      this.rows = rows;
      this.cols = cols;
    }

    /** Path of the raw file below the data directory. */
    public String file() {
      return file;
    }
  }

  /** Reads and preprocesses a data set. */
  public static LogisticRegressionData load(DataDirectory data, Dataset which) {
    NumericTable t = NumericTable.readWhitespace(data.file(which.file))
        .requireShape(which.rows, which.cols);
    int n = t.rows();
    int d = which == Dataset.BREAST_CANCER ? 30 : 24;
    int firstFeature = which == Dataset.BREAST_CANCER ? 2 : 0;
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      double label = which == Dataset.BREAST_CANCER ? t.get(r, 1) : t.get(r, 24) - 1.0;
      if (label != 0.0 && label != 1.0) {
        throw new DataFormatException(t.file() + " data row " + (r + 1) + ": label must be "
            + (which == Dataset.BREAST_CANCER ? "0 or 1" : "class 1 or 2") + ", got "
            + (which == Dataset.BREAST_CANCER ? t.get(r, 1) : t.get(r, 24)));
      }
      y[r] = label;
    }
    double[] x = new double[n * (d + 1)];
    for (int j = 0; j < d; j++) {
      double sum = 0.0;
      for (int r = 0; r < n; r++) {
        sum += t.get(r, firstFeature + j);
      }
      double mean = sum / n;
      double ss = 0.0;
      for (int r = 0; r < n; r++) {
        double c = t.get(r, firstFeature + j) - mean;
        ss += c * c;
      }
      double std = Math.sqrt(ss / n);
      if (!(std > 0.0)) {
        throw new DataFormatException(t.file() + ": feature column " + (firstFeature + j)
            + " is constant");
      }
      for (int r = 0; r < n; r++) {
        x[r * (d + 1) + 1 + j] = t.get(r, firstFeature + j) / std;
      }
    }
    for (int r = 0; r < n; r++) {
      x[r * (d + 1)] = 1.0;
    }
    return new LogisticRegressionData(which.name().toLowerCase(java.util.Locale.ROOT), x, y, n,
        d + 1);
  }

  /** The first {@code rows} rows (the training split of §4.2/§4.3). */
  public LogisticRegressionData head(int rows) {
    checkRows(rows);
    return new LogisticRegressionData(name, Arrays.copyOf(x, rows * dim), Arrays.copyOf(y, rows),
        rows, dim);
  }

  /** The last {@code rows} rows (the test split of §4.2/§4.3). */
  public LogisticRegressionData tail(int rows) {
    checkRows(rows);
    int from = numRows - rows;
    return new LogisticRegressionData(name, Arrays.copyOfRange(x, from * dim, numRows * dim),
        Arrays.copyOfRange(y, from, numRows), rows, dim);
  }

  private void checkRows(int rows) {
    if (rows < 1 || rows > numRows) {
      throw new IllegalArgumentException(name + ": a split needs between 1 and " + numRows
          + " rows, got " + rows);
    }
  }
}
