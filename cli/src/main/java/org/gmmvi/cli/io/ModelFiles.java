package org.gmmvi.cli.io;

import java.io.IOException;
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
}
