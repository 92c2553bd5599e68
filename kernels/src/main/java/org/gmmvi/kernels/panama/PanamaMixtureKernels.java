package org.gmmvi.kernels.panama;

import org.gmmvi.kernels.DenseKernels;
import static org.gmmvi.kernels.panama.PanamaVectorConstants.LANES;
import static org.gmmvi.kernels.panama.PanamaVectorConstants.SPECIES;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import org.gmmvi.kernels.MixtureKernels;
import org.gmmvi.kernels.Workspace;
import org.gmmvi.kernels.scalar.ScalarDenseKernels;
import org.gmmvi.kernels.scalar.ScalarMixtureKernels;

/**
 * Vector API mixture kernels. Lanes run over <em>samples</em>, not dimensions: the {@code N × D}
 * batch is transposed once per call into a {@code D × N} block of a per-thread workspace, so that
 * one vector holds coordinate {@code i} of {@code LANES} consecutive samples. The forward
 * substitution {@code z = L⁻¹(x − μ)} then broadcasts each factor entry {@code L_ij} and runs
 * FMAs over a register tile of 4 rows × 2 sample vectors, exactly the same recurrence as the scalar
 * reference but for {@code 2·LANES} samples at once. Samples that do not fill a tile are handled by
 * the scalar code (scalar tail).
 *
 * <p>Flops: {@link #componentLogDensities} costs about {@code N·K·D²} (one triangular solve per
 * sample and component); {@link #mixtureScore} about {@code 2·N·K·D²} (a product with the
 * precision {@code Λ_k = L_k⁻ᵀL_k⁻¹}, formed once per component and call).
 */
public class PanamaMixtureKernels extends ScalarMixtureKernels {

  private final Workspace workspace = new Workspace();

  /** Samples per register tile (2 vectors). */
  private static final int TILE = 2 * LANES;

  /** Rows of the register tile. */
  private static final int ROWS = 4;

  /** Forms the precision matrices of the score ({@code L⁻¹} and {@code L⁻ᵀL⁻¹}, O(D³) per component). */
  private final DenseKernels dense;

  /** Precisions formed by the plain-Java dense kernels. */
  public PanamaMixtureKernels() {
    this(new ScalarDenseKernels());
  }

  /**
   * Precisions formed by {@code dense}: the auto backend passes its size-routed dense kernels, so
   * that at large {@code D} the O(D³) inversions run on OpenBLAS (at D = 300 and K = 20 they were a
   * quarter of a SEPYFUX iteration with plain Java).
   */
  public PanamaMixtureKernels(DenseKernels dense) {
    this.dense = dense;
  }

  /** The same kernels with their precisions formed by {@code dense}. */
  @Override
  public MixtureKernels withDense(DenseKernels dense) {
    return new PanamaMixtureKernels(dense);
  }

  @Override
  protected void componentLogDensitiesK(double[] x, int row0, int n, int d, double[] means,
      double[] chols, int k, double[] out) {
    if (d == 0 || n < TILE) {
      super.componentLogDensitiesK(x, row0, n, d, means, chols, k, out);
      return;
    }
    Workspace ws = workspace;
    int full = n - n % TILE;
    int block = block(d, full);
    double[] xt = ws.array(0, d * block);
    double[] z = ws.array(1, d * TILE);
    double[] invDiag = ws.array(2, d);
    double[] q = ws.array(3, TILE);
    double[] zs = ws.array(4, d);
    double[] acc = ws.array(5, 4 * TILE);
    // Sample blocks outside, components inside: the block's transposed samples stay in cache while
    // every component reads them (components outside streamed all N samples from memory K times).
    for (int b0 = 0; b0 < full; b0 += block) {
      int bn = Math.min(block, full - b0);
      transpose(x, row0 + b0, bn, d, xt);
      for (int c = 0; c < k; c++) {
        double norm = logNormaliser(chols, c, d);
        for (int i = 0; i < d; i++) {
          invDiag[i] = 1.0 / chols[c * d * d + i * d + i];
        }
        for (int s0 = 0; s0 < bn; s0 += TILE) {
          whitenTile(xt, bn, d, means, chols, c, invDiag, s0, z, acc, q);
          for (int t = 0; t < TILE; t++) {
            out[(row0 + b0 + s0 + t) * k + c] = norm - 0.5 * q[t];
          }
        }
      }
    }
    for (int c = 0; c < k; c++) {
      double norm = logNormaliser(chols, c, d);
      for (int s = row0 + full; s < row0 + n; s++) {
        out[s * k + c] = norm - 0.5 * whitenedSquaredNorm(x, s, d, means, chols, c, zs);
      }
    }
  }

  /**
   * Samples per cache block: a multiple of {@code TILE} whose transposed block ({@code D × block}
   * doubles) is about 128 KB, at most the {@code full} tiled samples.
   */
  static int block(int d, int full) {
    int b = Math.max(TILE, (16384 / Math.max(d, 1)) / TILE * TILE);
    return Math.max(TILE, Math.min(b, full));
  }

  /** {@code xt[i*n + s] = x[(from + s)*d + i]} for {@code s < n}: rows of {@code x} transposed. */
  static void transpose(double[] x, int from, int n, int d, double[] xt) {
    for (int s = 0; s < n; s++) {
      int rs = (from + s) * d;
      for (int i = 0; i < d; i++) {
        xt[i * n + s] = x[rs + i];
      }
    }
  }

  /**
   * Forward substitution for the {@code TILE} samples starting at {@code s0}: writes
   * {@code z[i*TILE + t] = −(L_c⁻¹(x − μ_c))_i} (negated, so that the FMA loop can broadcast
   * {@code L_ij} from memory) and {@code q[t] = ‖z_t‖²}. Rows go in blocks of 4; each block is two
   * small methods (off-diagonal FMAs, then the 4 × 4 diagonal solve) rather than one large one,
   * because C2 stops inlining Vector API calls in very large methods and then boxes the vectors.
   */
  private static void whitenTile(double[] xt, int n, int d, double[] means, double[] chols,
      int c, double[] invDiag, int s0, double[] z, double[] acc, double[] q) {
    int lOff = c * d * d;
    int mOff = c * d;
    java.util.Arrays.fill(q, 0, TILE, 0.0);
    int i = 0;
    for (; i + ROWS <= d; i += ROWS) {
      accumulate4(xt, n, s0, i, means, mOff, chols, lOff + i * d, d, z, acc);
      solveDiagonal4(chols, lOff + i * d, d, i, invDiag, acc, z, q);
    }
    for (; i < d; i++) {
      solveRow(xt, n, s0, i, means, mOff, chols, lOff + i * d, invDiag[i], z, q);
    }
  }

  /**
   * {@code acc[r][v] = (x − μ)_{i+r} − Σ_{j<i} L_{i+r,j} z_j} for rows {@code i..i+3} and the two
   * sample vectors of the tile ({@code acc} holds 8 vectors).
   */
  private static void accumulate4(double[] xt, int n, int s0, int i, double[] means, int mOff,
      double[] chols, int r0, int d, double[] z, double[] acc) {
    int r1 = r0 + d;
    int r2 = r1 + d;
    int r3 = r2 + d;
    DoubleVector a00 = centred(xt, n, s0, i, means, mOff);
    DoubleVector a01 = centred(xt, n, s0 + LANES, i, means, mOff);
    DoubleVector a10 = centred(xt, n, s0, i + 1, means, mOff);
    DoubleVector a11 = centred(xt, n, s0 + LANES, i + 1, means, mOff);
    DoubleVector a20 = centred(xt, n, s0, i + 2, means, mOff);
    DoubleVector a21 = centred(xt, n, s0 + LANES, i + 2, means, mOff);
    DoubleVector a30 = centred(xt, n, s0, i + 3, means, mOff);
    DoubleVector a31 = centred(xt, n, s0 + LANES, i + 3, means, mOff);
    for (int j = 0; j < i; j++) {
      // The workspace holds −z, so the broadcast reads L_ij straight from memory.
      DoubleVector z0 = DoubleVector.fromArray(SPECIES, z, j * TILE);
      DoubleVector z1 = DoubleVector.fromArray(SPECIES, z, j * TILE + LANES);
      DoubleVector l0 = DoubleVector.broadcast(SPECIES, chols[r0 + j]);
      DoubleVector l1 = DoubleVector.broadcast(SPECIES, chols[r1 + j]);
      DoubleVector l2 = DoubleVector.broadcast(SPECIES, chols[r2 + j]);
      DoubleVector l3 = DoubleVector.broadcast(SPECIES, chols[r3 + j]);
      a00 = z0.fma(l0, a00);
      a01 = z1.fma(l0, a01);
      a10 = z0.fma(l1, a10);
      a11 = z1.fma(l1, a11);
      a20 = z0.fma(l2, a20);
      a21 = z1.fma(l2, a21);
      a30 = z0.fma(l3, a30);
      a31 = z1.fma(l3, a31);
    }
    a00.intoArray(acc, 0);
    a01.intoArray(acc, LANES);
    a10.intoArray(acc, 2 * LANES);
    a11.intoArray(acc, 3 * LANES);
    a20.intoArray(acc, 4 * LANES);
    a21.intoArray(acc, 5 * LANES);
    a30.intoArray(acc, 6 * LANES);
    a31.intoArray(acc, 7 * LANES);
  }

  /** The 4 × 4 diagonal block for one sample vector ({@code v} = 0 or 1) of the tile. */
  private static void solveDiagonal4(double[] chols, int r0, int d, int i, double[] invDiag,
      double[] acc, double[] z, double[] q) {
    for (int v = 0; v < 2; v++) {
      int o = v * LANES;
      DoubleVector z0 = DoubleVector.fromArray(SPECIES, acc, o).mul(bc(invDiag[i]));
      DoubleVector z1 = fnma(z0, chols[r0 + d + i], DoubleVector.fromArray(SPECIES, acc,
          2 * LANES + o)).mul(bc(invDiag[i + 1]));
      DoubleVector a2 = fnma(z0, chols[r0 + 2 * d + i], DoubleVector.fromArray(SPECIES, acc,
          4 * LANES + o));
      DoubleVector z2 = fnma(z1, chols[r0 + 2 * d + i + 1], a2).mul(bc(invDiag[i + 2]));
      DoubleVector a3 = fnma(z0, chols[r0 + 3 * d + i], DoubleVector.fromArray(SPECIES, acc,
          6 * LANES + o));
      a3 = fnma(z1, chols[r0 + 3 * d + i + 1], a3);
      DoubleVector z3 = fnma(z2, chols[r0 + 3 * d + i + 2], a3).mul(bc(invDiag[i + 3]));
      DoubleVector zero = DoubleVector.zero(SPECIES);
      zero.sub(z0).intoArray(z, i * TILE + o);
      zero.sub(z1).intoArray(z, (i + 1) * TILE + o);
      zero.sub(z2).intoArray(z, (i + 2) * TILE + o);
      zero.sub(z3).intoArray(z, (i + 3) * TILE + o);
      DoubleVector qv = DoubleVector.fromArray(SPECIES, q, o);
      z0.fma(z0, z1.fma(z1, z2.fma(z2, z3.fma(z3, qv)))).intoArray(q, o);
    }
  }

  /** One row {@code i} of the substitution for both sample vectors (rows past the last block). */
  private static void solveRow(double[] xt, int n, int s0, int i, double[] means, int mOff,
      double[] chols, int ri, double invDiag, double[] z, double[] q) {
    DoubleVector a0 = centred(xt, n, s0, i, means, mOff);
    DoubleVector a1 = centred(xt, n, s0 + LANES, i, means, mOff);
    for (int j = 0; j < i; j++) {
      DoubleVector l = DoubleVector.broadcast(SPECIES, chols[ri + j]);
      a0 = DoubleVector.fromArray(SPECIES, z, j * TILE).fma(l, a0);
      a1 = DoubleVector.fromArray(SPECIES, z, j * TILE + LANES).fma(l, a1);
    }
    DoubleVector inv = bc(invDiag);
    a0 = a0.mul(inv);
    a1 = a1.mul(inv);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    zero.sub(a0).intoArray(z, i * TILE);
    zero.sub(a1).intoArray(z, i * TILE + LANES);
    a0.fma(a0, DoubleVector.fromArray(SPECIES, q, 0)).intoArray(q, 0);
    a1.fma(a1, DoubleVector.fromArray(SPECIES, q, LANES)).intoArray(q, LANES);
  }

  private static DoubleVector bc(double v) {
    return DoubleVector.broadcast(SPECIES, v);
  }

  /** {@code acc − l·z}. */
  private static DoubleVector fnma(DoubleVector z, double l, DoubleVector acc) {
    return z.fma(DoubleVector.broadcast(SPECIES, -l), acc);
  }

  private static DoubleVector centred(double[] xt, int n, int s, int i, double[] means, int mOff) {
    return DoubleVector.fromArray(SPECIES, xt, i * n + s).sub(bc(means[mOff + i]));
  }

  @Override
  protected void mixtureScoreK(double[] x, int row0, int n, int d, double[] means, double[] chols,
      int k, double[] logResp, double[] out) {
    if (n < TILE) {
      super.mixtureScoreK(x, row0, n, d, means, chols, k, logResp, out);
      return;
    }
    Workspace ws = workspace;
    // The K precisions first (O(K·D³)), then sample blocks outside and components inside, so a
    // block's samples and partial scores stay in cache while every component reads them.
    double[] inv = ws.array(3, d * d);
    double[] precAll = ws.array(4, k * d * d);
    double[] precMuAll = ws.array(5, k * d);
    for (int c = 0; c < k; c++) {
      precision(chols, c, d, inv, precAll, c * d * d);
      for (int i = 0; i < d; i++) {
        double s = 0.0;
        for (int j = 0; j < d; j++) {
          s += precAll[c * d * d + i * d + j] * means[c * d + j];
        }
        precMuAll[c * d + i] = s;
      }
    }
    int block = block(d, n);
    double[] xt = ws.array(0, d * block);
    double[] outT = ws.array(1, d * block);
    double[] r = ws.array(2, block);
    double[] prec = ws.array(6, d * d);
    double[] precMu = ws.array(7, d);
    for (int b0 = 0; b0 < n; b0 += block) {
      int bn = Math.min(block, n - b0);
      transpose(x, row0 + b0, bn, d, xt);
      Arrays.fill(outT, 0, d * bn, 0.0);
      for (int c = 0; c < k; c++) {
        System.arraycopy(precAll, c * d * d, prec, 0, d * d);
        System.arraycopy(precMuAll, c * d, precMu, 0, d);
        for (int s = 0; s < bn; s++) {
          r[s] = Math.exp(logResp[(row0 + b0 + s) * k + c]);
        }
        scoreComponent(xt, bn, d, prec, precMu, r, outT);
      }
      for (int s = 0; s < bn; s++) {
        for (int i = 0; i < d; i++) {
          out[(row0 + b0 + s) * d + i] = outT[i * bn + s];
        }
      }
    }
  }

  /** {@code prec[off..] = Λ_c = L_c⁻ᵀ L_c⁻¹}, using {@code inv} as workspace for {@code L_c⁻¹}. */
  private void precision(double[] chols, int c, int d, double[] inv, double[] prec, int off) {
    dense.invertLower(chols, c * d * d, d, inv, 0);
    dense.transposeTimesLower(inv, 0, d, prec, off);
  }

  /** {@code outT[i][s] −= r_s · (Λ x_s − Λμ)_i} for every sample, tiles of 4 rows × 2 vectors. */
  private static void scoreComponent(double[] xt, int n, int d, double[] prec, double[] precMu,
      double[] r, double[] outT) {
    int full = n - n % TILE;
    for (int s0 = 0; s0 < full; s0 += TILE) {
      DoubleVector r0 = DoubleVector.fromArray(SPECIES, r, s0);
      DoubleVector r1 = DoubleVector.fromArray(SPECIES, r, s0 + LANES);
      int i = 0;
      for (; i + ROWS <= d; i += ROWS) {
        scoreRows4(xt, n, d, prec, precMu, r0, r1, s0, i, outT);
      }
      for (; i < d; i++) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = DoubleVector.zero(SPECIES);
        for (int j = 0; j < d; j++) {
          DoubleVector p = DoubleVector.broadcast(SPECIES, prec[i * d + j]);
          a0 = DoubleVector.fromArray(SPECIES, xt, j * n + s0).fma(p, a0);
          a1 = DoubleVector.fromArray(SPECIES, xt, j * n + s0 + LANES).fma(p, a1);
        }
        subtractScaled(outT, i * n + s0, r0, r1, a0, a1, precMu[i]);
      }
    }
    for (int s = full; s < n; s++) {
      for (int i = 0; i < d; i++) {
        double a = 0.0;
        for (int j = 0; j < d; j++) {
          a += prec[i * d + j] * xt[j * n + s];
        }
        outT[i * n + s] -= r[s] * (a - precMu[i]);
      }
    }
  }

  private static void scoreRows4(double[] xt, int n, int d, double[] prec, double[] precMu,
      DoubleVector r0, DoubleVector r1, int s0, int i, double[] outT) {
    DoubleVector a00 = DoubleVector.zero(SPECIES);
    DoubleVector a01 = a00;
    DoubleVector a10 = a00;
    DoubleVector a11 = a00;
    DoubleVector a20 = a00;
    DoubleVector a21 = a00;
    DoubleVector a30 = a00;
    DoubleVector a31 = a00;
    int p0 = i * d;
    for (int j = 0; j < d; j++) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, xt, j * n + s0);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, xt, j * n + s0 + LANES);
      DoubleVector l0 = DoubleVector.broadcast(SPECIES, prec[p0 + j]);
      DoubleVector l1 = DoubleVector.broadcast(SPECIES, prec[p0 + d + j]);
      DoubleVector l2 = DoubleVector.broadcast(SPECIES, prec[p0 + 2 * d + j]);
      DoubleVector l3 = DoubleVector.broadcast(SPECIES, prec[p0 + 3 * d + j]);
      a00 = x0.fma(l0, a00);
      a01 = x1.fma(l0, a01);
      a10 = x0.fma(l1, a10);
      a11 = x1.fma(l1, a11);
      a20 = x0.fma(l2, a20);
      a21 = x1.fma(l2, a21);
      a30 = x0.fma(l3, a30);
      a31 = x1.fma(l3, a31);
    }
    subtractScaled(outT, i * n + s0, r0, r1, a00, a01, precMu[i]);
    subtractScaled(outT, (i + 1) * n + s0, r0, r1, a10, a11, precMu[i + 1]);
    subtractScaled(outT, (i + 2) * n + s0, r0, r1, a20, a21, precMu[i + 2]);
    subtractScaled(outT, (i + 3) * n + s0, r0, r1, a30, a31, precMu[i + 3]);
  }

  /** {@code outT[at + t] −= r_t · (a_t − shift)} for the two vectors of a tile row. */
  private static void subtractScaled(double[] outT, int at, DoubleVector r0, DoubleVector r1,
      DoubleVector a0, DoubleVector a1, double shift) {
    DoubleVector o0 = DoubleVector.fromArray(SPECIES, outT, at);
    DoubleVector o1 = DoubleVector.fromArray(SPECIES, outT, at + LANES);
    DoubleVector sh = bc(shift);
    o0.sub(r0.mul(a0.sub(sh))).intoArray(outT, at);
    o1.sub(r1.mul(a1.sub(sh))).intoArray(outT, at + LANES);
  }
}
