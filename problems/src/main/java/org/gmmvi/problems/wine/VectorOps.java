package org.gmmvi.problems.wine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the network's inner loops, lanes over the rows of a block. Loaded only when
 * the {@code jdk.incubator.vector} module is present (see {@link BnnKernel}). The exponential uses the
 * Vector API's {@code EXP} (SVML on x86), about 30× faster than {@code Math.exp} per element here.
 */
final class VectorOps {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

  private VectorOps() {}

  /** {@code z[off+r] ← 1/(1 + exp(−z[off+r]))} for {@code r < n}. */
  static void sigmoid(double[] z, int off, int n) {
    int r = 0;
    int bound = S.loopBound(n);
    for (; r < bound; r += L) {
      DoubleVector v = DoubleVector.fromArray(S, z, off + r);
      DoubleVector e = v.neg().lanewise(VectorOperators.EXP);
      ONE.div(e.add(1.0)).intoArray(z, off + r);
    }
    for (; r < n; r++) {
      z[off + r] = 1.0 / (1.0 + Math.exp(-z[off + r]));
    }
  }

  /** {@code Σ_{r<n} a[ao+r]·b[bo+r]} (two vector accumulators, one reduction). */
  static double dot(double[] a, int ao, double[] b, int bo, int n) {
    DoubleVector acc0 = DoubleVector.zero(S);
    DoubleVector acc1 = DoubleVector.zero(S);
    int r = 0;
    int bound2 = n - 2 * L + 1;
    for (; r < bound2; r += 2 * L) {
      acc0 = DoubleVector.fromArray(S, a, ao + r).fma(DoubleVector.fromArray(S, b, bo + r), acc0);
      acc1 = DoubleVector.fromArray(S, a, ao + r + L)
          .fma(DoubleVector.fromArray(S, b, bo + r + L), acc1);
    }
    for (; r + L <= n; r += L) {
      acc0 = DoubleVector.fromArray(S, a, ao + r).fma(DoubleVector.fromArray(S, b, bo + r), acc0);
    }
    double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; r < n; r++) {
      s += a[ao + r] * b[bo + r];
    }
    return s;
  }
}
