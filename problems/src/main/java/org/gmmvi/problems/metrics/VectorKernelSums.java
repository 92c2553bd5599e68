package org.gmmvi.problems.metrics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of the MMD row sum {@code Σ_{j∈[from,to)} exp(−‖a − g_j‖²)} with the rows
 * {@code g_j} stored transposed ({@code gT[k*n + j]}): lanes run over four vectors of consecutive
 * rows {@code j} whose squared distances stay in registers while the loop runs over the
 * dimensions {@code k} (broadcast {@code a_k}, subtract, fused multiply-add), then one lane-wise
 * {@code EXP} (within 1 ulp per the Vector API contract) per vector; scalar tail. Only loaded when
 * the incubator module is present (see {@link KernelSums}).
 */
final class VectorKernelSums {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorKernelSums() {}

  static double rowSum(double[] a, int aOff, double[] gT, int n, int from, int to, int d) {
    int lanes = SPECIES.length();
    int step = 4 * lanes;
    DoubleVector sum = DoubleVector.zero(SPECIES);
    int j = from;
    for (; j + step <= to; j += step) {
      DoubleVector q0 = DoubleVector.zero(SPECIES);
      DoubleVector q1 = q0;
      DoubleVector q2 = q0;
      DoubleVector q3 = q0;
      for (int k = 0; k < d; k++) {
        DoubleVector ak = DoubleVector.broadcast(SPECIES, a[aOff + k]);
        int base = k * n + j;
        DoubleVector t0 = DoubleVector.fromArray(SPECIES, gT, base).sub(ak);
        DoubleVector t1 = DoubleVector.fromArray(SPECIES, gT, base + lanes).sub(ak);
        DoubleVector t2 = DoubleVector.fromArray(SPECIES, gT, base + 2 * lanes).sub(ak);
        DoubleVector t3 = DoubleVector.fromArray(SPECIES, gT, base + 3 * lanes).sub(ak);
        q0 = t0.fma(t0, q0);
        q1 = t1.fma(t1, q1);
        q2 = t2.fma(t2, q2);
        q3 = t3.fma(t3, q3);
      }
      sum = sum.add(q0.neg().lanewise(VectorOperators.EXP))
          .add(q1.neg().lanewise(VectorOperators.EXP))
          .add(q2.neg().lanewise(VectorOperators.EXP))
          .add(q3.neg().lanewise(VectorOperators.EXP));
    }
    double s = sum.reduceLanes(VectorOperators.ADD);
    for (; j < to; j++) {
      s += Math.exp(-KernelSums.squaredDistanceTransposed(a, aOff, gT, n, j, d));
    }
    return s;
  }
}
