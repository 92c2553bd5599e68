package org.gmmvi.cli.reproduce;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.core.config.ComponentAdaptationConfig;
import org.gmmvi.core.config.GmmviConfig;
import org.gmmvi.core.config.NgEstimatorConfig;
import org.gmmvi.core.config.SampleSelectorType;

/**
 * Memory and disk a run needs, estimated from its problem, codeword and budget before it starts,
 * so that the local executor can choose how many child JVMs run at once and the SLURM executor
 * can ask for {@code --mem}.
 *
 * <p>Model (bytes; {@code D} dimension, {@code N} samples the database ends up holding,
 * {@code K} components, {@code B} new samples per iteration):
 * <ul>
 *   <li>{@code N = min(evaluations, 9/8·max_database_size)} with a sample database, else {@code B};
 *       with the paper's wall-clock budget the evaluations are unknown and {@code N} is the
 *       database limit;</li>
 *   <li>database {@code 3·N·(8D + 12)}: positions, {@code log p} and the mapping of every sample
 *       ({@code 8D + 8 + 4} bytes), times 2 for the growth reserve of the arrays, plus one copy
 *       for the optimizer state of a checkpoint (streamed to disk, but copied first);</li>
 *   <li>batch {@code 6·B·8D} (twice with gradients): new samples, gradients, work arrays, and
 *       {@code 6·K·B·8} for the {@code K × B} matrices of component log-densities (sample
 *       selection, natural-gradient estimates, weight update; measured: planar_robot_4 ZAMTRUX,
 *       {@code K = 300}, {@code B = 60,000}, ran out of a 480 MB heap in its first iteration);</li>
 *   <li>component adaptation (adaptive codewords): {@code 3·S·K·8} for the log-densities of the
 *       {@code S = num_database_samples} candidate samples under every component;</li>
 *   <li>MORE (Z codewords): per worker thread the {@code N_c × P} features and two {@code P × P}
 *       matrices of the quadratic regression, {@code P = (D+1)(D+2)/2}, {@code N_c} the samples of
 *       one component ({@code 8·(N_c·P + 2P²)}; D = 300: 33 GB per thread, why the paper did not
 *       run ZAMTRUX on STM300);</li>
 *   <li>model and the Gaussians the database keeps for the newest samples
 *       {@code 12·K·(8D² + 48D)};</li>
 *   <li>data {@code 4·} the size of the problem's data files (text), and a base of 96 MB;</li>
 *   <li>heap {@code = 1.3·} that sum (garbage-collector headroom), at least 256 MB; the process
 *       needs {@link #NON_HEAP_BYTES} on top (metaspace, code cache, thread stacks, native
 *       libraries).</li>
 * </ul>
 * Calibration (peak RSS from {@code /usr/bin/time -v}, see cli/README.md): the estimate is an
 * upper bound of the measured heap use of the smoke runs of every paper problem. Disk: the
 * checkpoint holds the database once ({@code N·(8D + 12)}) and is replaced atomically, so a run
 * needs about twice that while it writes one.
 *
 * @param heapBytes    the {@code -Xmx} of the run's JVM
 * @param processBytes memory of the whole process (heap plus non-heap)
 * @param diskBytes    peak disk use of the run directory
 * @param samples      {@code N}
 * @param components   {@code K} assumed
 */
public record ResourceEstimate(long heapBytes, long processBytes, long diskBytes, long samples,
    int components) {

  /** Memory of a JVM besides its heap, measured on this project's runs. */
  public static final long NON_HEAP_BYTES = 256L << 20;

  private static final long MB = 1L << 20;
  private static final long BASE = 96 * MB;
  private static final long MIN_HEAP = 256 * MB;

  /**
   * The estimate for {@code codeword} on {@code problem} with at most {@code evaluations} target
   * evaluations ({@link Long#MAX_VALUE}: unknown, e.g. a wall-clock budget).
   *
   * @param dataBytes total size of the problem's data files
   * @param threads   worker threads of the run (each has its own MORE workspace)
   */
  public static ResourceEstimate of(RunProblem problem, String codeword, long evaluations,
      long dataBytes, int threads) {
    Map<String, Object> cfg = problem.experimentConfig(codeword);
    GmmviConfig c = GmmviConfig.resolve(codeword, List.of(cfg));
    int d = problem.dimension();
    int k0 = c.modelInitialization() == null ? 1 : c.modelInitialization().numInitialComponents();
    ComponentAdaptationConfig.Adaptive adaptive =
        c.componentAdaptation() instanceof ComponentAdaptationConfig.Adaptive a ? a : null;
    int k = adaptive != null ? Math.max(k0, Math.min(adaptive.maxComponents(), 100)) : k0;
    int nDes = c.sampleSelector().desiredSamplesPerComponent();
    long batch = c.sampleSelector().type() == SampleSelectorType.COMPONENT_BASED
        ? (long) nDes * k : nDes;
    long cap = c.maxDatabaseSize() > 0 ? c.maxDatabaseSize() + c.maxDatabaseSize() / 8
        : Long.MAX_VALUE;
    long n = c.useSampleDatabase() ? Math.min(evaluations, cap) : batch;
    if (n == Long.MAX_VALUE) {
      n = GmmviConfig.DEFAULT_MAX_DATABASE_SIZE; // no limit and no evaluation budget
    }
    long perSample = 8L * d + 12;
    boolean gradients = !(c.ngEstimator() instanceof NgEstimatorConfig.More);
    long db = 3 * n * perSample;
    long work = 6 * batch * 8L * d * (gradients ? 2 : 1) + 6 * batch * 8L * k;
    long adapt = adaptive != null ? 3L * adaptive.numDatabaseSamples() * k * 8 : 0;
    long model = 12L * k * (8L * d * d + 48L * d);
    long p = (long) (d + 1) * (d + 2) / 2;
    long more = gradients ? 0 : Math.max(1, threads) * 8L * (nDes * p + 2 * p * p);
    long heap = (long) (1.3 * (BASE + db + work + adapt + more + model + 4 * dataBytes));
    heap = Math.max(MIN_HEAP, roundUp(heap, 64 * MB));
    long disk = 2 * (n * perSample + model / 12) + 16 * MB;
    return new ResourceEstimate(heap, heap + NON_HEAP_BYTES, disk, n, k);
  }

  private static long roundUp(long bytes, long unit) {
    return (bytes + unit - 1) / unit * unit;
  }

  /** {@code bytes} as {@code 1.5G}, {@code 300M}. */
  public static String format(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1fG", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%dM", (bytes + MB - 1) / MB);
  }

  /** The {@code -Xmx} value of the heap, in megabytes ({@code -Xmx1536m}). */
  public String xmx() {
    return "-Xmx" + (heapBytes / MB) + "m";
  }

  /**
   * Parses a memory size like {@code 8G}, {@code 500M}, {@code 2048} (megabytes, as SLURM reads
   * it).
   *
   * @throws IllegalArgumentException naming the value if it is not a size
   */
  public static long parseSize(String s) {
    String t = s.strip().toUpperCase(Locale.ROOT);
    long unit = MB;
    if (t.endsWith("B")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.endsWith("K")) {
      unit = 1L << 10;
    } else if (t.endsWith("M")) {
      unit = MB;
    } else if (t.endsWith("G")) {
      unit = 1L << 30;
    } else if (t.endsWith("T")) {
      unit = 1L << 40;
    }
    if (!Character.isDigit(t.charAt(t.length() - 1))) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      double v = Double.parseDouble(t);
      if (!(v > 0)) {
        throw new NumberFormatException();
      }
      return (long) (v * unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a memory size: '" + s + "' (e.g. 8G, 500M)");
    }
  }
}
