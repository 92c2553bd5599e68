package org.gmmvi.problems.metrics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@code Σ_j exp(−v_j)}: lane-wise {@code EXP} (within 1 ulp per the
 * Vector API contract) with one vector accumulator reduced once, scalar tail. Only loaded when the
 * incubator module is present (see {@link ExpSums}).
 */
final class VectorExpSum {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorExpSum() {}

  static double sumExpNeg(double[] v, int len) {
    int lanes = SPECIES.length();
    int bound = len - len % lanes;
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int j = 0;
    for (; j < bound; j += lanes) {
      acc = acc.add(DoubleVector.fromArray(SPECIES, v, j).neg().lanewise(VectorOperators.EXP));
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; j < len; j++) {
      s += Math.exp(-v[j]);
    }
    return s;
  }
}
