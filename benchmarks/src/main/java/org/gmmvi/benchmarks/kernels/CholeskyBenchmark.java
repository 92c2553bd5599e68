package org.gmmvi.benchmarks.kernels;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.gmmvi.kernels.DenseKernels;
import org.gmmvi.kernels.KernelProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Cholesky factorisations batched over {@code K = 10} components (as the component updaters do):
 * each operation copies the {@code K × n × n} stack and factors every matrix in place. The
 * {@link #copyOnly} baseline measures the copy alone (Cholesky overwrites its input; JMH sample
 * 38 explains why no per-invocation setup is used).
 *
 * <p>Flops: {@code K·n³/3}. {@code backend = ejml}: EJML's {@code CholeskyDecomposition_F64}
 * (lower, chosen by EJML's factory by size) on a reused {@code DMatrixRMaj}.
 */
public class CholeskyBenchmark extends KernelBenchmarkBase {

  /** Components per batch. */
  public static final int BATCH = 10;

  @Param({"scalar", "panama", "openblas", "auto", "ejml"})
  public String backend;

  @Param({"2", "5", "10", "20", "33", "50", "100", "300"})
  public int n;

  private DenseKernels dense;
  private CholeskyDecomposition_F64<DMatrixRMaj> ejml;
  private DMatrixRMaj ejmlMatrix;
  private DMatrixRMaj ejmlFactor;
  private double[] spd;
  private double[] work;

  @Setup
  public void setup() {
    spd = BenchData.spdStack(new SplittableRandom(BenchData.SEED), BATCH, n);
    work = new double[spd.length];
    double[] expected = spd.clone();
    DenseKernels ref = KernelProvider.create("scalar").dense();
    for (int c = 0; c < BATCH; c++) {
      ref.cholesky(expected, c * n * n, n);
    }
    if (backend.equals(BenchData.EJML)) {
      ejml = DecompositionFactory_DDRM.chol(n, true);
      ejmlMatrix = new DMatrixRMaj(n, n);
      ejmlFactor = new DMatrixRMaj(n, n);
    } else {
      dense = BenchData.kernels(backend).dense();
    }
    factorAll();
    BenchData.check(backend + " cholesky", expected, work, work.length);
  }

  /** {@code K·n³/3} flops plus the copy. */
  @Benchmark
  public double[] factorAll() {
    System.arraycopy(spd, 0, work, 0, spd.length);
    int nn = n * n;
    for (int c = 0; c < BATCH; c++) {
      if (dense != null) {
        if (!dense.cholesky(work, c * nn, n)) {
          throw new IllegalStateException("cholesky failed");
        }
      } else {
        System.arraycopy(work, c * nn, ejmlMatrix.data, 0, nn);
        if (!ejml.decompose(ejmlMatrix)) {
          throw new IllegalStateException("ejml cholesky failed");
        }
        // EJML leaves the upper triangle untouched; copy L back with zeros above the diagonal.
        ejml.getT(ejmlFactor);
        System.arraycopy(ejmlFactor.data, 0, work, c * nn, nn);
      }
    }
    return work;
  }

  /** The copy alone (baseline for {@link #factorAll}). */
  @Benchmark
  public double[] copyOnly() {
    System.arraycopy(spd, 0, work, 0, spd.length);
    return work;
  }
}
