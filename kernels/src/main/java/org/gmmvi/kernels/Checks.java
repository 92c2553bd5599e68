package org.gmmvi.kernels;

/**
 * Argument checks shared by the checked kernel entries ({@link AbstractDenseKernels},
 * {@link AbstractMixtureKernels}, {@link AbstractNgKernels}). Every message names the argument,
 * its value and what is allowed. Sizes are multiplied in {@code long} so that overflow is reported
 * instead of wrapping.
 */
public final class Checks {

  private Checks() {}

  /** Throws unless {@code value >= 0}. */
  public static void size(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  /**
   * Throws unless {@code array} is non-null, {@code off >= 0} and {@code array} holds at least
   * {@code needed} elements from {@code off} on.
   */
  public static void array(String name, double[] array, int off, long needed) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (off < 0) {
      throw new IllegalArgumentException(name + " offset must be >= 0, got " + off);
    }
    if (off + needed > array.length) {
      throw new IllegalArgumentException(name + " is too short: needs " + needed
          + " elements from offset " + off + " (" + (off + needed) + " in total), has "
          + array.length);
    }
  }

  /** {@link #array(String, double[], int, long)} with offset 0. */
  public static void array(String name, double[] array, long needed) {
    array(name, array, 0, needed);
  }

  /** Throws if two arrays are the same object (for outputs that may not alias an input). */
  public static void distinct(String outName, double[] out, String inName, double[] in) {
    if (out == in) {
      throw new IllegalArgumentException(outName + " may not be the same array as " + inName);
    }
  }
}
