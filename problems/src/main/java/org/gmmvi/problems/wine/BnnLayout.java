package org.gmmvi.problems.wine;

/**
 * Parameter layout of the WINE Bayesian neural network 11 → 8 → 8 → 1 (PROBLEMS.md §4.7).
 *
 * <p>Network: {@code h1 = σ(x W1 + b1)}, {@code h2 = σ(h1 W2 + b2)}, {@code f(x) = h2 W3 + b3} with
 * {@code x} a row vector and σ the logistic sigmoid. The parameter vector {@code w ∈ R^177} concatenates
 * the matrices flattened row-major (input index major): {@code W1[a][b] = w[8a + b]} (entries 0..87),
 * {@code b1} (88..95), {@code W2[j][k] = w[96 + 8j + k]} (96..159), {@code b2} (160..167),
 * {@code W3[k] = w[168 + k]} (168..175), {@code b3 = w[176]}.
 */
public final class BnnLayout {

  /** Input width (wine features). */
  public static final int IN = WineData.NUM_FEATURES;
  /** First hidden layer width. */
  public static final int H1 = 8;
  /** Second hidden layer width. */
  public static final int H2 = 8;
  /** Offset of {@code W1} (IN × H1). */
  public static final int W1 = 0;
  /** Offset of {@code b1} (H1). */
  public static final int B1 = W1 + IN * H1;
  /** Offset of {@code W2} (H1 × H2). */
  public static final int W2 = B1 + H1;
  /** Offset of {@code b2} (H2). */
  public static final int B2 = W2 + H1 * H2;
  /** Offset of {@code W3} (H2 × 1). */
  public static final int W3 = B2 + H2;
  /** Offset of {@code b3} (scalar). */
  public static final int B3 = W3 + H2;
  /** Number of parameters, 177. */
  public static final int DIM = B3 + 1;

  private BnnLayout() {}
}
