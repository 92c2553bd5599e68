package org.gmmvi.problems.wine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the network's inner loops, lanes over the rows of a block. Loaded only when
 * the {@code jdk.incubator.vector} module is present (see {@link BnnKernel}). The exponential uses the
 * Vector API's {@code EXP} (SVML on x86), about 30× faster than {@code Math.exp} per element here.
 */
final class VectorOps {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

  private VectorOps() {}

  /** {@code z[off+r] ← 1/(1 + exp(−z[off+r]))} for {@code r < n}. */
  static void sigmoid(double[] z, int off, int n) {
    int r = 0;
    int bound = S.loopBound(n);
    for (; r < bound; r += L) {
      DoubleVector v = DoubleVector.fromArray(S, z, off + r);
      DoubleVector e = v.neg().lanewise(VectorOperators.EXP);
      ONE.div(e.add(1.0)).intoArray(z, off + r);
    }
    for (; r < n; r++) {
      z[off + r] = 1.0 / (1.0 + Math.exp(-z[off + r]));
    }
  }

  /** {@code Σ_{r<n} a[ao+r]·b[bo+r]} (two vector accumulators, one reduction). */
  static double dot(double[] a, int ao, double[] b, int bo, int n) {
    DoubleVector acc0 = DoubleVector.zero(S);
    DoubleVector acc1 = DoubleVector.zero(S);
    int r = 0;
    int bound2 = n - 2 * L + 1;
    for (; r < bound2; r += 2 * L) {
      acc0 = DoubleVector.fromArray(S, a, ao + r).fma(DoubleVector.fromArray(S, b, bo + r), acc0);
      acc1 = DoubleVector.fromArray(S, a, ao + r + L)
          .fma(DoubleVector.fromArray(S, b, bo + r + L), acc1);
    }
    for (; r + L <= n; r += L) {
      acc0 = DoubleVector.fromArray(S, a, ao + r).fma(DoubleVector.fromArray(S, b, bo + r), acc0);
    }
    double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; r < n; r++) {
      s += a[ao + r] * b[bo + r];
    }
    return s;
  }

  /**
   * {@link ScalarOps#dense} for {@code nOut = 8}: for each group of {@code L} rows, eight vector
   * accumulators (one per output unit) take one broadcast FMA per input, so every input vector is
   * loaded once and every output stored once. Other widths and the row tail use the scalar code.
   */
  static void dense(double[] in, int nIn, double[] w, int wm, int si, int sj, int wb, double[] out,
      int nOut, int n) {
    if (nOut != 8) {
      ScalarOps.dense(in, nIn, w, wm, si, sj, wb, out, nOut, n);
      return;
    }
    final int block = BnnKernel.BLOCK;
    int bound = S.loopBound(n);
    for (int r = 0; r < bound; r += L) {
      DoubleVector a0 = bias(w, wb, 0);
      DoubleVector a1 = bias(w, wb, 1);
      DoubleVector a2 = bias(w, wb, 2);
      DoubleVector a3 = bias(w, wb, 3);
      DoubleVector a4 = bias(w, wb, 4);
      DoubleVector a5 = bias(w, wb, 5);
      DoubleVector a6 = bias(w, wb, 6);
      DoubleVector a7 = bias(w, wb, 7);
      for (int i = 0; i < nIn; i++) {
        DoubleVector x = DoubleVector.fromArray(S, in, i * block + r);
        int wi = wm + i * si;
        a0 = x.fma(DoubleVector.broadcast(S, w[wi]), a0);
        a1 = x.fma(DoubleVector.broadcast(S, w[wi + sj]), a1);
        a2 = x.fma(DoubleVector.broadcast(S, w[wi + 2 * sj]), a2);
        a3 = x.fma(DoubleVector.broadcast(S, w[wi + 3 * sj]), a3);
        a4 = x.fma(DoubleVector.broadcast(S, w[wi + 4 * sj]), a4);
        a5 = x.fma(DoubleVector.broadcast(S, w[wi + 5 * sj]), a5);
        a6 = x.fma(DoubleVector.broadcast(S, w[wi + 6 * sj]), a6);
        a7 = x.fma(DoubleVector.broadcast(S, w[wi + 7 * sj]), a7);
      }
      a0.intoArray(out, r);
      a1.intoArray(out, block + r);
      a2.intoArray(out, 2 * block + r);
      a3.intoArray(out, 3 * block + r);
      a4.intoArray(out, 4 * block + r);
      a5.intoArray(out, 5 * block + r);
      a6.intoArray(out, 6 * block + r);
      a7.intoArray(out, 7 * block + r);
    }
    if (bound < n) {
      for (int j = 0; j < nOut; j++) {
        double b = wb < 0 ? 0.0 : w[wb + j];
        for (int r = bound; r < n; r++) {
          double acc = b;
          for (int i = 0; i < nIn; i++) {
            acc += w[wm + i * si + j * sj] * in[i * block + r];
          }
          out[j * block + r] = acc;
        }
      }
    }
  }

  private static DoubleVector bias(double[] w, int wb, int j) {
    return wb < 0 ? DoubleVector.zero(S) : DoubleVector.broadcast(S, w[wb + j]);
  }
}
