package org.gmmvi.core.model;

/**
 * The checkpoint contract of a module that keeps state between iterations beyond the model and its
 * bookkeeping (ALGORITHM.md §1.6): the component adaptation (its add-call counter) and the weight
 * step size (current step, call counter, last ELBO). The state is a flat {@code double[]} whose
 * length is fixed per option (0 for a stateless option); the optimizer stores it verbatim in its
 * {@code OptimizerState}, so resuming continues bit-identically.
 */
public interface ModuleState {

  /** The complete internal state (a fresh array; empty for a stateless option). */
  double[] saveState();

  /**
   * Restores {@link #saveState()} output.
   *
   * @throws IllegalArgumentException if {@code state} does not have this option's length
   */
  void restoreState(double[] state);

  /**
   * Checks a restored state's length.
   *
   * @param module the option's name, for the error message
   * @throws IllegalArgumentException naming the module and both lengths
   */
  static void checkState(double[] state, int length, String module) {
    if (state == null || state.length != length) {
      throw new IllegalArgumentException(module + " state must have " + length + " values, got "
          + (state == null ? "null" : state.length));
    }
  }
}
