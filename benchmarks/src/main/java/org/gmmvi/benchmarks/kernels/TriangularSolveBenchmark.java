package org.gmmvi.benchmarks.kernels;

import java.util.SplittableRandom;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Forward substitution over many right-hand sides: {@code solveLowerRows} turns every row
 * {@code r} of an {@code m × n} block into {@code L⁻¹ r}. Each operation copies the block and
 * solves in place ({@link #copyOnly} is the copy alone).
 *
 * <p>Flops: {@code m·n²}. {@code backend = ejml}: {@code TriangularSolver_DDRM.solveL} on the
 * transposed ({@code n × m}) block, the layout EJML wants.
 */
public class TriangularSolveBenchmark extends KernelBenchmarkBase {

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
      expected = BenchData.transpose(expected, m, n);
      rhs = BenchData.transpose(rhs, m, n);
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
