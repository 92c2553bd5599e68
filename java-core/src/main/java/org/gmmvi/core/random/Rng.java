package org.gmmvi.core.random;

import java.util.Arrays;

/**
 * The one explicit random source of the project: xoshiro256** (Blackman and Vigna, 2018), seeded
 * through SplitMix64, with standard normals from Marsaglia's polar method.
 *
 * <p>There is no hidden global generator anywhere in the project: every random draw comes from an
 * {@code Rng} passed in by the caller. The complete state (four 64-bit words plus the cached second
 * normal of the polar method) can be saved with {@link #state()} and restored with
 * {@link #restore(long[])}, so a run resumed from a checkpoint continues bit-identically.
 *
 * <p>Not thread-safe: give every thread its own instance (see {@link #split()}).
 */
public final class Rng {

  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long s0;
  private long s1;
  private long s2;
  private long s3;
  private boolean hasSpare;
  private double spare;

  /** A generator whose stream is fully determined by {@code seed}. */
  public Rng(long seed) {
    long x = seed;
    x += 0x9E3779B97F4A7C15L;
    s0 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s1 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s2 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s3 = mix(x);
  }

  private Rng(long[] state) {
    restore(state);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Next 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform double in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform integer in {@code [0, bound)} without modulo bias ({@code bound > 0}). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    // Lemire's multiply-shift with rejection.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Standard normal draw (Marsaglia polar method; the second value of a pair is cached). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * nextDouble() - 1.0;
      v = 2.0 * nextDouble() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(s) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  }

  /** Fills {@code out[off .. off+len)} with standard normal draws. */
  public void fillGaussian(double[] out, int off, int len) {
    for (int i = off; i < off + len; i++) {
      out[i] = nextGaussian();
    }
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p);
    return p;
  }

  /** Shuffles {@code a} in place, uniformly (Fisher–Yates). */
  public void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * A new generator whose stream is independent of this one for practical purposes (seeded from
   * this generator's next output). Advances this generator.
   */
  public Rng split() {
    return new Rng(nextLong());
  }

  /** The complete state: six longs (four state words, the spare flag and the spare's bits). */
  public long[] state() {
    return new long[] {s0, s1, s2, s3, hasSpare ? 1L : 0L, Double.doubleToRawLongBits(spare)};
  }

  /** Restores a state produced by {@link #state()}. */
  public void restore(long[] state) {
    if (state == null || state.length != 6) {
      throw new IllegalArgumentException(
          "an Rng state has 6 longs, got " + (state == null ? "null" : Arrays.toString(state)));
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("an all-zero xoshiro256** state is invalid");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
    hasSpare = state[4] != 0;
    spare = Double.longBitsToDouble(state[5]);
  }

  /** A generator restored from {@code state} (see {@link #state()}). */
  public static Rng fromState(long[] state) {
    return new Rng(state);
  }

  /** An independent copy with the same state. */
  public Rng copy() {
    return new Rng(state());
  }
}
