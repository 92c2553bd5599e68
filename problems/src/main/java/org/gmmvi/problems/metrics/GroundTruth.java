package org.gmmvi.problems.metrics;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gmmvi.problems.io.DataDirectory;
import org.gmmvi.problems.io.NumericTable;

/**
 * Ground-truth sample files of {@code groundtruth/} and their MMD evaluators. The evaluator of a
 * (file, α) pair is built once per process and shared (its constant term costs about
 * {@code N²·D} operations).
 */
public final class GroundTruth {

  /** BreastCancer(MB) ground truth, 10,080 × 31. */
  public static final String BREAST_CANCER = "groundtruth/breast_cancer_gt_samples.csv";
  /** GermanCredit(MB) ground truth, 10,000 × 25. */
  public static final String GERMAN_CREDIT = "groundtruth/german_credit_gt_samples.csv";
  /** PlanarRobot4 constructed substitute ground truth, 10,000 × 10. */
  public static final String PLANAR_4 = "groundtruth/planar_robot_4goal_gt_samples_constructed.csv";
  /** PlanarRobot1 ground truth, 10,000 × 10. */
  public static final String PLANAR_1 = "groundtruth/planar_robot_1goal_gt_samples.csv";

  private static final Map<String, Mmd> CACHE = new ConcurrentHashMap<>();

  private GroundTruth() {}

  /** Reads a ground-truth file and checks its column count. */
  public static NumericTable load(DataDirectory data, String relative, int dim) {
    return NumericTable.readCsv(data.file(relative)).requireShape(-1, dim);
  }

  /** The (cached) MMD evaluator against a ground-truth file. */
  public static Mmd mmd(DataDirectory data, String relative, int dim, double alpha) {
    Path p = data.file(relative);
    String key = p.toAbsolutePath() + "|" + alpha;
    return CACHE.computeIfAbsent(key, k -> {
      NumericTable t = load(data, relative, dim);
      return new Mmd(t.data(), t.rows(), dim, alpha);
    });
  }
}
