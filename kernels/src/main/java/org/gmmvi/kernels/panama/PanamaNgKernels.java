package org.gmmvi.kernels.panama;

import static org.gmmvi.kernels.panama.PanamaVectorConstants.LANES;
import static org.gmmvi.kernels.panama.PanamaVectorConstants.SPECIES;

import jdk.incubator.vector.DoubleVector;
import org.gmmvi.kernels.Workspace;
import org.gmmvi.kernels.scalar.ScalarNgKernels;

/**
 * Vector API weighted sums. {@link #weightedOuter} and {@link #weightedGram} are small
 * {@code Aᵀ B} products over the sample axis ({@code (D × N)(N × D)}): the operands are copied
 * once into per-thread workspaces with the row length padded to a multiple of {@code 2·LANES}
 * (zeros in the padding, so there are no column or row tails), {@code A} pre-scaled by the
 * weights, and a register tile of 4 output rows × 2 vectors accumulates over all samples before it
 * is stored once. Flops: {@code 2·N·D²} for the outer product, about {@code N·P²} for the Gram
 * matrix (lower triangle only, then mirrored).
 */
public class PanamaNgKernels extends ScalarNgKernels {

  private final Workspace workspace = new Workspace();

  private static final int PAD = 2 * LANES;

  /** Below this many samples the copies cost more than they save. */
  private static final int MIN_SAMPLES = 8;

  @Override
  protected void weightedOuterK(double[] w, double[] g, double[] h, int n, int d, double[] out) {
    if (n < MIN_SAMPLES || d < LANES) {
      super.weightedOuterK(w, g, h, n, d, out);
      return;
    }
    int pp = padded(d);
    Workspace ws = workspace;
    double[] a = ws.array(0, n * pp);
    double[] b = ws.array(1, n * pp);
    double[] c = ws.array(2, pp * pp);
    pad(w, g, n, d, pp, a);
    pad(null, h, n, d, pp, b);
    transposeTimes(a, b, n, pp, false, c);
    for (int i = 0; i < d; i++) {
      System.arraycopy(c, i * pp, out, i * d, d);
    }
  }

  @Override
  protected void weightedGramK(double[] w, double[] phi, int n, int p, double[] out) {
    if (n < MIN_SAMPLES || p < LANES) {
      super.weightedGramK(w, phi, n, p, out);
      return;
    }
    int pp = padded(p);
    Workspace ws = workspace;
    double[] a = ws.array(0, n * pp);
    double[] b = ws.array(1, n * pp);
    double[] c = ws.array(2, pp * pp);
    pad(w, phi, n, p, pp, a);
    pad(null, phi, n, p, pp, b);
    transposeTimes(a, b, n, pp, true, c);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double v = c[i * pp + j];
        out[i * p + j] = v;
        out[j * p + i] = v;
      }
    }
  }

  private static int padded(int d) {
    return (d + PAD - 1) / PAD * PAD;
  }

  /** {@code dst[s*pp + i] = w[s]·src[s*d + i]} (or without {@code w} if null), zero padding. */
  private static void pad(double[] w, double[] src, int n, int d, int pp, double[] dst) {
    for (int s = 0; s < n; s++) {
      double ws = w == null ? 1.0 : w[s];
      int rs = s * d;
      int rd = s * pp;
      for (int i = 0; i < d; i++) {
        dst[rd + i] = ws * src[rs + i];
      }
      for (int i = d; i < pp; i++) {
        dst[rd + i] = 0.0;
      }
    }
  }

  /**
   * {@code c = Aᵀ B} for row-major {@code N × pp} operands ({@code pp} a multiple of {@code PAD});
   * with {@code lowerOnly} only the tiles touching the lower triangle are computed.
   */
  private static void transposeTimes(double[] a, double[] b, int n, int pp, boolean lowerOnly,
      double[] c) {
    for (int i = 0; i < pp; i += 4) {
      int colEnd = lowerOnly ? Math.min(pp, i + 4) : pp;
      for (int j = 0; j < colEnd; j += PAD) {
        tile(a, b, n, pp, i, j, c);
      }
    }
  }

  /** One 4 × {@code 2·LANES} tile of {@code Aᵀ B} at rows {@code i}, columns {@code j}. */
  private static void tile(double[] a, double[] b, int n, int pp, int i, int j, double[] c) {
    DoubleVector c00 = DoubleVector.zero(SPECIES);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    for (int s = 0; s < n; s++) {
      int rs = s * pp;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, rs + j);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, rs + j + LANES);
      DoubleVector a0 = DoubleVector.broadcast(SPECIES, a[rs + i]);
      DoubleVector a1 = DoubleVector.broadcast(SPECIES, a[rs + i + 1]);
      DoubleVector a2 = DoubleVector.broadcast(SPECIES, a[rs + i + 2]);
      DoubleVector a3 = DoubleVector.broadcast(SPECIES, a[rs + i + 3]);
      c00 = b0.fma(a0, c00);
      c01 = b1.fma(a0, c01);
      c10 = b0.fma(a1, c10);
      c11 = b1.fma(a1, c11);
      c20 = b0.fma(a2, c20);
      c21 = b1.fma(a2, c21);
      c30 = b0.fma(a3, c30);
      c31 = b1.fma(a3, c31);
    }
    int r = i * pp + j;
    c00.intoArray(c, r);
    c01.intoArray(c, r + LANES);
    c10.intoArray(c, r + pp);
    c11.intoArray(c, r + pp + LANES);
    c20.intoArray(c, r + 2 * pp);
    c21.intoArray(c, r + 2 * pp + LANES);
    c30.intoArray(c, r + 3 * pp);
    c31.intoArray(c, r + 3 * pp + LANES);
  }
}
