package org.gmmvi.benchmarks.kernels;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward substitution over many right-hand sides: {@code solveLowerRows} turns every row
 * {@code r} of an {@code m × n} block into {@code L⁻¹ r}. Each operation copies the block and
 * solves in place ({@link #copyOnly} is the copy alone).
 *
 * <p>Flops: {@code m·n²}. {@code backend = ejml}: {@code TriangularSolver_DDRM.solveL} on the
 * transposed ({@code n × m}) block, the layout EJML wants.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
    "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TriangularSolveBenchmark {

  @Param({"scalar", "panama", "openblas", "auto", "ejml"})
  public String backend;

  @Param({"2000"})
  public int m;

  @Param({"2", "7", "20", "33", "100"})
  public int n;

  private DenseKernels dense;
  private double[] l;
  private double[] rhs;
  private double[] work;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(BenchData.SEED);
    l = BenchData.lowerFactors(rnd, 1, n);
    rhs = BenchData.uniform(rnd, m * n);
    work = new double[m * n];
    double[] expected = rhs.clone();
    KernelProvider.create("scalar").dense().solveLowerRows(l, 0, n, expected, 0, m);
    if (backend.equals(BenchData.EJML)) {
      // EJML solves column blocks: compare on the transposed layout.
      double[] t = new double[m * n];
      for (int r = 0; r < m; r++) {
        for (int i = 0; i < n; i++) {
          t[i * m + r] = expected[r * n + i];
        }
      }
      expected = t;
      double[] tr = new double[m * n];
      for (int r = 0; r < m; r++) {
        for (int i = 0; i < n; i++) {
          tr[i * m + r] = rhs[r * n + i];
        }
      }
      rhs = tr;
    } else {
      dense = BenchData.kernels(backend).dense();
    }
    solve();
    BenchData.check(backend + " solveLowerRows", expected, work, work.length);
  }

  /** {@code m·n²} flops plus the copy. */
  @Benchmark
  public double[] solve() {
    System.arraycopy(rhs, 0, work, 0, rhs.length);
    if (dense != null) {
      dense.solveLowerRows(l, 0, n, work, 0, m);
    } else {
      TriangularSolver_DDRM.solveL(l, work, n, m);
    }
    return work;
  }

  /** The copy alone. */
  @Benchmark
  public double[] copyOnly() {
    System.arraycopy(rhs, 0, work, 0, rhs.length);
    return work;
  }
}
