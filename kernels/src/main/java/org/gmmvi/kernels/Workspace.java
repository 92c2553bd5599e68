package org.gmmvi.kernels;

/**
 * Growable per-thread scratch arrays for kernel implementations, so that steady-state calls
 * allocate nothing proportional to {@code N × D}. Each slot keeps the largest array requested so
 * far on the calling thread; contents are unspecified on return. Give every kernel class its own
 * instance, so that two kernels never hand out the same array, and never let the arrays escape a
 * call.
 */
public final class Workspace {

  private static final int SLOTS = 8;

  private final ThreadLocal<double[][]> local = ThreadLocal.withInitial(() -> new double[SLOTS][]);

  /** Slot {@code slot} ({@code 0..7}) of the calling thread, with at least {@code size} elements. */
  public double[] array(int slot, int size) {
    double[][] slots = local.get();
    double[] a = slots[slot];
    if (a == null || a.length < size) {
      a = new double[size];
      slots[slot] = a;
    }
    return a;
  }
}
