package org.gmmvi.problems.numpy;

/**
 * A port of numpy's legacy global generator ({@code np.random.seed(s)} / {@code RandomState(s)}):
 * MT19937 (Matsumoto and Nishimura, 1998) seeded by {@code init_genrand}, with numpy's
 * {@code random_sample} and its legacy polar Box–Muller {@code standard_normal}.
 *
 * <p>Only used to regenerate the random targets of the reference exactly (PROBLEMS.md §4.5, §4.6,
 * §7): the GMM and STM parameters of run seed {@code s} are the draws of this generator seeded with
 * {@code s}. It is not a general-purpose random source of the project (that is
 * {@link org.gmmvi.core.random.Rng}).
 *
 * <ul>
 *   <li>seeding: {@code mt[0] = seed}, {@code mt[i] = 1812433253·(mt[i−1] ⊕ (mt[i−1] >>> 30)) + i}
 *       (32-bit arithmetic);</li>
 *   <li>{@link #randomSample()} = {@code ((a >>> 5)·2²⁶ + (b >>> 6)) / 2⁵³} from two consecutive
 *       tempered outputs {@code a, b};</li>
 *   <li>{@link #standardNormal()}: repeat {@code x1 = 2u−1, x2 = 2u−1, r2 = x1²+x2²} until
 *       {@code 0 < r2 < 1}; {@code f = sqrt(−2 ln r2 / r2)}; return {@code f·x2} and cache
 *       {@code f·x1} for the next call (the cache survives intervening {@code randomSample()}
 *       calls).</li>
 * </ul>
 * Validated against {@code testvectors/numpy_legacy_rng.json}. Not thread-safe.
 */
public final class NumpyLegacyRandom {

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti;
  private boolean hasGauss;
  private double gauss;

  /** A generator in the state of {@code np.random.seed(seed)} ({@code 0 ≤ seed < 2³²}). */
  public NumpyLegacyRandom(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("numpy seeds must be in [0, 2^32 - 1], got " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      int prev = mt[i - 1];
      mt[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
    }
    mti = N;
  }

  /** The next tempered 32-bit output as an unsigned value in {@code [0, 2³²)}. */
  public long nextUint32() {
    return nextInt() & 0xFFFFFFFFL;
  }

  private int nextInt() {
    if (mti >= N) {
      twist();
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void twist() {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    mti = 0;
  }

  /** numpy {@code random_sample()}: uniform in {@code [0, 1)} with 53 bits. */
  public double randomSample() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** numpy legacy {@code standard_normal()} (polar method with a cached second value). */
  public double standardNormal() {
    if (hasGauss) {
      hasGauss = false;
      double t = gauss;
      gauss = 0.0;
      return t;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * randomSample() - 1.0;
      x2 = 2.0 * randomSample() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /** numpy legacy {@code normal(loc, scale)} = {@code loc + scale·standard_normal()}. */
  public double normal(double loc, double scale) {
    return loc + scale * standardNormal();
  }

  /** {@code n} draws of {@link #randomSample()}. */
  public double[] randomSample(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = randomSample();
    }
    return out;
  }

  /** {@code n} draws of {@link #normal(double, double)}. */
  public double[] normal(double loc, double scale, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = normal(loc, scale);
    }
    return out;
  }
}
