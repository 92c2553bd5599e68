package org.gmmvi.core.ngestimate;

import org.gmmvi.kernels.DenseKernels;

/**
 * A general dense solve {@code A θ = b} for the MORE normal equations (ALGORITHM.md §2.1.2 step 3):
 * Cholesky through the kernels when {@code A} is numerically positive definite (the usual case: a
 * Gram matrix plus a ridge), otherwise LU with partial pivoting. The LU fallback is plain Java
 * because the kernel interface has no LU; it runs only on (near-)singular systems.
 */
final class LinearSolve {

  private double[] work = new double[0];

  /**
   * Solves {@code A θ = b} for a row-major {@code p × p} {@code a} (not modified); the solution
   * overwrites {@code b}.
   *
   * @return {@code false} if {@code A} is singular (a zero or non-finite pivot); {@code b} is then
   *     unspecified
   */
  boolean solve(DenseKernels dense, double[] a, double[] b, int p) {
    if (work.length < p * p) {
      work = new double[p * p];
    }
    System.arraycopy(a, 0, work, 0, p * p);
    if (dense.cholesky(work, 0, p)) {
      dense.solveLower(work, 0, p, b, 0);
      dense.solveLowerTransposed(work, 0, p, b, 0);
      return allFinite(b, p);
    }
    System.arraycopy(a, 0, work, 0, p * p);
    return luSolve(work, b, p) && allFinite(b, p);
  }

  /** In-place LU with partial pivoting of {@code m}, then forward/back substitution on {@code b}. */
  static boolean luSolve(double[] m, double[] b, int p) {
    for (int c = 0; c < p; c++) {
      int piv = c;
      double best = Math.abs(m[c * p + c]);
      for (int r = c + 1; r < p; r++) {
        double v = Math.abs(m[r * p + c]);
        if (v > best) {
          best = v;
          piv = r;
        }
      }
      if (!(best > 0) || !Double.isFinite(best)) {
        return false;
      }
      if (piv != c) {
        for (int j = 0; j < p; j++) {
          double t = m[c * p + j];
          m[c * p + j] = m[piv * p + j];
          m[piv * p + j] = t;
        }
        double t = b[c];
        b[c] = b[piv];
        b[piv] = t;
      }
      double inv = 1.0 / m[c * p + c];
      for (int r = c + 1; r < p; r++) {
        double f = m[r * p + c] * inv;
        if (f == 0.0) {
          continue;
        }
        for (int j = c + 1; j < p; j++) {
          m[r * p + j] -= f * m[c * p + j];
        }
        b[r] -= f * b[c];
      }
    }
    for (int r = p - 1; r >= 0; r--) {
      double s = b[r];
      for (int j = r + 1; j < p; j++) {
        s -= m[r * p + j] * b[j];
      }
      b[r] = s / m[r * p + r];
    }
    return true;
  }

  private static boolean allFinite(double[] v, int n) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(v[i])) {
        return false;
      }
    }
    return true;
  }
}
