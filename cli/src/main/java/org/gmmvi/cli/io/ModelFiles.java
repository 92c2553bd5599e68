package org.gmmvi.cli.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.core.model.GmmModel;

/**
 * Writes a mixture as {@code model.npz} (arrays {@code weights} {@code (K,)}, {@code means}
 * {@code (K, D)}, {@code covs} {@code (K, D, D)}, float64, C order) and {@code model.json} (the
 * same numbers as nested lists plus dimension and covariance type). Diagonal models are written with
 * full (diagonal) covariance matrices.
 */
public final class ModelFiles {

  private ModelFiles() {}

  /** Writes both files atomically into {@code dir}. */
  public static void write(Path dir, GmmModel m) throws IOException {
    int k = m.numComponents();
    int d = m.dimension();
    double[] weights = m.weights();
    double[] means = new double[k * d];
    System.arraycopy(m.meansArray(), 0, means, 0, k * d);
    double[] covs = new double[k * d * d];
    for (int o = 0; o < k; o++) {
      System.arraycopy(m.covariance(o), 0, covs, o * d * d, d * d);
    }
    Map<String, Npy.Array> arrays = Npy.arrays();
    arrays.put("weights", new Npy.Array(weights, k));
    arrays.put("means", new Npy.Array(means, k, d));
    arrays.put("covs", new Npy.Array(covs, k, d, d));
    AtomicFiles.write(dir.resolve("model.npz"), out -> Npy.writeNpz(out, arrays));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dimension", d);
    json.put("num_components", k);
    json.put("covariance_type", m.isDiagonal() ? "diagonal" : "full");
    json.put("weights", weights);
    List<double[]> meanRows = new ArrayList<>();
    List<List<double[]>> covMats = new ArrayList<>();
    for (int o = 0; o < k; o++) {
      meanRows.add(m.mean(o));
      double[] c = m.covariance(o);
      List<double[]> rows = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        rows.add(java.util.Arrays.copyOfRange(c, i * d, (i + 1) * d));
      }
      covMats.add(rows);
    }
    json.put("means", meanRows);
    json.put("covs", covMats);
    Json.write(dir.resolve("model.json"), json);
  }

  /**
   * Reads a mixture written by {@link #write}: {@code model.json}, or the directory holding it.
   * The Cholesky factors are recomputed from the covariances (full models) or their diagonals
   * (diagonal models).
   *
   * @throws IOException for an unreadable file, and {@link IllegalArgumentException} naming the
   *     problem for missing keys, wrong shapes or covariances that are not positive definite
   */
  public static GmmModel read(Path fileOrDir) throws IOException {
    Path f = Files.isDirectory(fileOrDir) ? fileOrDir.resolve("model.json") : fileOrDir;
    if (!Files.isRegularFile(f)) {
      throw new NoSuchFileException(f.toString(), null, "no model file (model.json)");
    }
    Map<String, Object> json = Json.readObject(f);
    int d = intKey(json, "dimension", f);
    int k = intKey(json, "num_components", f);
    boolean diagonal = "diagonal".equals(json.get("covariance_type"));
    double[] weights = numbers(json.get("weights"), k, f, "weights");
    double[] means = numbers(json.get("means"), k * d, f, "means");
    double[] covs = numbers(json.get("covs"), k * d * d, f, "covs");
    if (diagonal) {
      double[] logw = new double[k];
      double[] stds = new double[k * d];
      for (int o = 0; o < k; o++) {
        logw[o] = Math.log(weights[o]);
        for (int i = 0; i < d; i++) {
          stds[o * d + i] = Math.sqrt(covs[o * d * d + i * d + i]);
        }
      }
      return GmmModel.diagonal(logw, means, stds, d);
    }
    return GmmModel.fromCovariances(weights, means, covs, d);
  }

  private static int intKey(Map<String, Object> json, String key, Path f) {
    if (!(json.get(key) instanceof Number n) || n.intValue() < 1) {
      throw new IllegalArgumentException(f + ": '" + key + "' must be a positive integer, got "
          + json.get(key));
    }
    return n.intValue();
  }

  /** Flattens nested lists of numbers and checks the count. */
  private static double[] numbers(Object value, int expected, Path f, String key) {
    List<Double> flat = new ArrayList<>();
    flatten(value, flat, f, key);
    if (flat.size() != expected) {
      throw new IllegalArgumentException(f + ": '" + key + "' has " + flat.size()
          + " numbers, expected " + expected + " for the stated dimension and components");
    }
    double[] a = new double[expected];
    for (int i = 0; i < expected; i++) {
      a[i] = flat.get(i);
    }
    return a;
  }

  private static void flatten(Object value, List<Double> out, Path f, String key) {
    if (value instanceof Number n) {
      out.add(n.doubleValue());
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        flatten(v, out, f, key);
      }
    } else {
      throw new IllegalArgumentException(f + ": '" + key + "' must hold numbers, found "
          + (value == null ? "nothing" : value.getClass().getSimpleName()));
    }
  }
}
