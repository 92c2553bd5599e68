package org.gmmvi.problems.talos;

/**
 * Small 3-D rotation helpers on row-major 3×3 matrices stored in flat arrays at an offset.
 */
final class Rotations {

  private Rotations() {}

  /**
   * {@code Rot(r, p, y) = Rz(y)·Ry(p)·Rx(r)} (standard right-handed elementary rotations) into
   * {@code out[off .. off+9)}.
   */
  static void rpy(double roll, double pitch, double yaw, double[] out, int off) {
    double cr = Math.cos(roll);
    double sr = Math.sin(roll);
    double cp = Math.cos(pitch);
    double sp = Math.sin(pitch);
    double cy = Math.cos(yaw);
    double sy = Math.sin(yaw);
    out[off] = cy * cp;
    out[off + 1] = cy * sp * sr - sy * cr;
    out[off + 2] = cy * sp * cr + sy * sr;
    out[off + 3] = sy * cp;
    out[off + 4] = sy * sp * sr + cy * cr;
    out[off + 5] = sy * sp * cr - cy * sr;
    out[off + 6] = -sp;
    out[off + 7] = cp * sr;
    out[off + 8] = cp * cr;
  }

  /**
   * Rodrigues rotation {@code cos q·I + sin q·[a]_× + (1 − cos q)·a aᵀ} about the unit axis
   * {@code a[aOff .. aOff+3)} into {@code out[off .. off+9)}.
   */
  static void axisAngle(double[] a, int aOff, double q, double[] out, int off) {
    double x = a[aOff];
    double y = a[aOff + 1];
    double z = a[aOff + 2];
    double c = Math.cos(q);
    double s = Math.sin(q);
    double t = 1 - c;
    out[off] = c + t * x * x;
    out[off + 1] = t * x * y - s * z;
    out[off + 2] = t * x * z + s * y;
    out[off + 3] = t * x * y + s * z;
    out[off + 4] = c + t * y * y;
    out[off + 5] = t * y * z - s * x;
    out[off + 6] = t * x * z - s * y;
    out[off + 7] = t * y * z + s * x;
    out[off + 8] = c + t * z * z;
  }

  /** {@code C = A·B} for row-major 3×3 blocks ({@code C} must not alias {@code A} or {@code B}). */
  static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co) {
    for (int i = 0; i < 3; i++) {
      double a0 = a[ao + 3 * i];
      double a1 = a[ao + 3 * i + 1];
      double a2 = a[ao + 3 * i + 2];
      for (int j = 0; j < 3; j++) {
        c[co + 3 * i + j] = a0 * b[bo + j] + a1 * b[bo + 3 + j] + a2 * b[bo + 6 + j];
      }
    }
  }

  /** {@code out = A·v} for a row-major 3×3 {@code A} and a 3-vector {@code v}. */
  static void apply(double[] a, int ao, double[] v, int vo, double[] out, int oo) {
    double x = v[vo];
    double y = v[vo + 1];
    double z = v[vo + 2];
    out[oo] = a[ao] * x + a[ao + 1] * y + a[ao + 2] * z;
    out[oo + 1] = a[ao + 3] * x + a[ao + 4] * y + a[ao + 5] * z;
    out[oo + 2] = a[ao + 6] * x + a[ao + 7] * y + a[ao + 8] * z;
  }
}
