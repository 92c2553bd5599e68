package org.gmmvi.kernels.panama;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Species constants of the Vector API backend, in one holder so that no other class touches the
 * incubator module before {@code KernelProvider} has checked that it is present.
 */
final class PanamaVectorConstants {

  /** The preferred double species: 4 lanes on AVX2, 8 on AVX-512. */
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  /** Lanes per vector. */
  static final int LANES = SPECIES.length();

  private PanamaVectorConstants() {}
}
