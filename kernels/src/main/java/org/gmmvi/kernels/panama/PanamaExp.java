package org.gmmvi.kernels.panama;

import static org.gmmvi.kernels.panama.PanamaVectorConstants.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * A lane-wise {@code exp} built only from IEEE additions, multiplications, fused multiply-adds and
 * exact integer bit operations, so that it rounds the same way in the interpreter and in C2's
 * compiled code. The Vector API's {@code lanewise(EXP)} does not: the compiled code calls an SVML
 * stub while the interpreter falls back to {@code Math.exp} per lane, and the two differ in the
 * last bit, which made WINE and MMD results depend on whether a loop had been compiled yet.
 *
 * <p>Algorithm (Cody–Waite reduction and a Taylor polynomial): with
 * {@code n = round(x·log₂e)} (by adding and subtracting {@code 1.5·2⁵²}) and
 * {@code r = x − n·ln2} in two steps ({@code ln2 = LN2_HI + LN2_LO}, both FMAs),
 * {@code |r| ≤ ln2/2 + ε}; then {@code e^r = Σ_{k≤13} r^k/k!} by Horner (truncation error
 * {@code < |r|¹⁴/14! ≈ 4·10⁻¹⁸}, far below an ulp) and {@code e^x = e^r · 2^{n₁} · 2^{n₂}} with
 * {@code n₁ = ⌊n/2⌋}, {@code n₂ = n − n₁}: both powers are normal for every
 * {@code x ∈ [−746, 710]}, so subnormal results are rounded once and overflow gives {@code +∞}.
 * The input is clamped to that interval first ({@code e^{−746}} rounds to 0, {@code e^{710}} is
 * {@code +∞}); NaN stays NaN. Accuracy: within 2 ulp of {@code Math.exp} (tested over the whole
 * range).
 */
final class PanamaExp {

  private static final double LOG2E = 1.4426950408889634;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double SHIFT = 0x1.8p52;
  private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
  private static final double LO = -746.0;
  private static final double HI = 710.0;
  /** {@code 1/k!} for {@code k = 0..13}. */
  private static final double[] INV_FACT = invFactorials(13);

  private static final DoubleVector V_LOG2E = DoubleVector.broadcast(SPECIES, LOG2E);
  private static final DoubleVector V_SHIFT = DoubleVector.broadcast(SPECIES, SHIFT);
  private static final DoubleVector V_LN2_HI = DoubleVector.broadcast(SPECIES, LN2_HI);
  private static final DoubleVector V_LN2_LO = DoubleVector.broadcast(SPECIES, LN2_LO);

  private PanamaExp() {}

  /** Lane-wise {@code e^x}. */
  static DoubleVector exp(DoubleVector x) {
    DoubleVector xc = x.max(LO).min(HI);
    DoubleVector kd = xc.fma(V_LOG2E, V_SHIFT);
    DoubleVector n = kd.sub(V_SHIFT);
    DoubleVector nn = n.neg();
    DoubleVector r = nn.fma(V_LN2_HI, xc);
    r = nn.fma(V_LN2_LO, r);
    // Horner, unrolled with constant coefficients so that C2 keeps them in registers
    DoubleVector p = r.fma(INV_FACT[13], INV_FACT[12]);
    p = p.fma(r, c(11)).fma(r, c(10)).fma(r, c(9)).fma(r, c(8)).fma(r, c(7)).fma(r, c(6))
        .fma(r, c(5)).fma(r, c(4)).fma(r, c(3)).fma(r, c(2)).fma(r, c(1)).fma(r, c(0));
    LongVector ni = ((LongVector) kd.reinterpretAsLongs()).sub(SHIFT_BITS);
    LongVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    LongVector n2 = ni.sub(n1);
    DoubleVector s1 = pow2(n1);
    DoubleVector s2 = pow2(n2);
    DoubleVector e = p.mul(s1).mul(s2);
    // NaN in, NaN out: min/max propagate NaN, and so do the FMAs; the scale then is irrelevant.
    return e;
  }

  private static DoubleVector c(int k) {
    return DoubleVector.broadcast(SPECIES, INV_FACT[k]);
  }

  /** {@code 2^m} for integers {@code −1022 ≤ m ≤ 1023} (exponent bits {@code (m + 1023) << 52}). */
  private static DoubleVector pow2(LongVector m) {
    return (DoubleVector) m.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
  }

  /** Scalar twin of {@link #exp(DoubleVector)}, the same operations in the same order (tests). */
  static double expScalar(double x) {
    double xc = Math.min(Math.max(x, LO), HI);
    double kd = Math.fma(xc, LOG2E, SHIFT);
    double n = kd - SHIFT;
    double r = Math.fma(-n, LN2_HI, xc);
    r = Math.fma(-n, LN2_LO, r);
    double p = INV_FACT[13];
    for (int k = 12; k >= 0; k--) {
      p = Math.fma(p, r, INV_FACT[k]);
    }
    long ni = Double.doubleToRawLongBits(kd) - SHIFT_BITS;
    long n1 = ni >> 1;
    long n2 = ni - n1;
    return p * Double.longBitsToDouble((n1 + 1023L) << 52)
        * Double.longBitsToDouble((n2 + 1023L) << 52);
  }

  /** {@code 1/k!} rounded once ({@code k! ≤ 13!} is exact in a double). */
  private static double[] invFactorials(int m) {
    double[] f = new double[m + 1];
    double fact = 1.0;
    for (int k = 0; k <= m; k++) {
      fact *= Math.max(k, 1);
      f[k] = 1.0 / fact;
    }
    return f;
  }
}
