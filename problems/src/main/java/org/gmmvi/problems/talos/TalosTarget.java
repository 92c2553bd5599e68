package org.gmmvi.problems.talos;

import java.nio.file.Path;
import java.util.List;
import org.gmmvi.core.target.Target;

/**
 * The TALOS whole-body inverse-kinematics target (PROBLEMS.md §4.8), {@code D = 34}:
 * {@code x[0..27]} joint angles ({@link TalosModel#JOINT_NAMES} order), {@code x[28..30]} base position
 * {@code p0}, {@code x[31..33]} base roll, pitch, yaw ({@code R0 = Rz(yaw)Ry(pitch)Rx(roll)}).
 *
 * <p>{@code log p̃(x)} is the sum of five terms:
 * <ol>
 *   <li>joint prior {@code Σ_j [log Φ((q_j − lo_j)/0.05) + log Φ((hi_j − q_j)/0.05)]};</li>
 *   <li>CoM {@code Σ_{k∈{x,y}} [log Φ((d_k + 0.14)/0.01) + log Φ((0.14 − d_k)/0.01)]},
 *       {@code d = CoM_xy − (left sole)_xy};</li>
 *   <li>right foot {@code log N(v_rf; t_rf, diag(std²))} on the sole frame's 12-vector
 *       {@code (p, R row-major)}, {@code t_rf = (−0.02, −0.09, 0, I₃)}, std {@code 0.02 ×3, 0.1 ×9};</li>
 *   <li>left foot, the same with {@code t_lf = (−0.02, 0.09, 0, I₃)};</li>
 *   <li>left gripper {@code log N(p_lg; c, 0.02² I₃)}, {@code c} the context.</li>
 * </ol>
 * Gaussian terms keep their normalisation constants.
 *
 * <p>Gradient: analytic through kinematic Jacobians, accumulated backwards along each chain. For a
 * revolute joint with world axis {@code a} at world position {@code o}, points {@code p} further down
 * the chain move with {@code a × (p − o)} and rotations with {@code [a]_× R}; so with the upstream
 * point gradients {@code g_p} and rotation gradients {@code G_R} of everything below the joint,
 * {@code ∂/∂q = a · (Σ (p − o) × g_p + Σ ρ(R G_Rᵀ))}, where {@code ρ(M) = (M₂₃ − M₃₂, M₃₁ − M₁₃,
 * M₁₂ − M₂₁)}. The base translation gets {@code Σ g_p} over all chains; each base angle acts like a
 * revolute joint at {@code p0} with world axis {@code ω_yaw = e_z}, {@code ω_pitch = Rz(y) e_y},
 * {@code ω_roll = Rz(y)Ry(p) e_x}.
 *
 * <p>A pure function of {@code x}: thread-safe (one workspace per thread, no allocation per call).
 */
public final class TalosTarget implements Target {

  /** Dimension of the decision vector. */
  public static final int DIM = 34;

  /** Names of the five additive terms, in {@link #evaluateTerms} order. */
  public static final List<String> TERM_NAMES = List.of("term_joint_prior", "term_com",
      "term_right_foot", "term_left_foot", "term_left_gripper");

  static final double JOINT_TEMPERATURE = 0.05;
  static final double COM_HALF_WIDTH = 0.14;
  static final double COM_SCALE = 0.01;
  static final double GRIPPER_STD = 0.02;
  private static final double[] FOOT_STD = {0.02, 0.02, 0.02, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
      0.1};
  private static final double[] RIGHT_FOOT_TARGET = {-0.02, -0.09, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
  private static final double[] LEFT_FOOT_TARGET = {-0.02, 0.09, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private static final int BASE = TalosModel.NUM_JOINTS;

  private final TalosModel model;
  private final double[] context;
  private final ThreadLocal<Workspace> workspaces;

  TalosTarget(TalosModel model, double[] context) {
    if (context == null || context.length != 3) {
      throw new IllegalArgumentException("the TALOS context is a 3-D gripper target, got "
          + (context == null ? "null" : context.length + " values"));
    }
    this.model = model;
    this.context = context.clone();
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(model));
  }

  /**
   * The target with left-gripper goal {@code context} (metres, world frame), robot read from
   * {@code urdfFile} ({@code talos/talos_reduced.urdf} of the data directory).
   */
  public static TalosTarget load(Path urdfFile, double[] context) {
    return new TalosTarget(TalosModel.load(urdfFile), context);
  }

  /** The left-gripper goal (a copy). */
  public double[] context() {
    return context.clone();
  }

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {
    Target.checkBatch(this, x, n, logDensity, gradient);
    Workspace w = workspaces.get();
    for (int i = 0; i < n; i++) {
      logDensity[i] = evaluateOne(w, x, i * DIM, gradient, i * DIM, null);
    }
  }

  /**
   * The five additive terms of sample {@code x[off .. off+34)} into {@code terms[0..5)}
   * ({@link #TERM_NAMES} order); returns their sum, {@code log p̃(x)}.
   */
  public double evaluateTerms(double[] x, int off, double[] terms) {
    if (x.length < off + DIM || terms.length < TERM_NAMES.size()) {
      throw new IllegalArgumentException("evaluateTerms needs 34 values from offset " + off
          + " (array has " + x.length + ") and 5 term slots (has " + terms.length + ")");
    }
    return evaluateOne(workspaces.get(), x, off, null, 0, terms);
  }

  /**
   * Position (3) of the end frame of chain {@code chain} ({@link TalosModel#R_GRIPPER} …
   * {@link TalosModel#L_FOOT}) and the whole-body CoM (3) at pose {@code x[0..34)} into
   * {@code out[0..6)}.
   */
  void endPositionAndCom(double[] x, int chain, double[] out) {
    Workspace w = workspaces.get();
    forward(w, x, 0);
    int last = 3 * (model.chains()[chain].n() - 1);
    System.arraycopy(w.p[chain], last, out, 0, 3);
    System.arraycopy(w.com, 0, out, 3, 3);
  }

  /** The kinematic model. */
  TalosModel model() {
    return model;
  }

  @Override
  public boolean threadSafe() {
    return true;
  }

  @Override
  public String name() {
    return "talos";
  }

  // ------------------------------------------------------------------ one sample

  private double evaluateOne(Workspace w, double[] x, int off, double[] grad, int gOff,
      double[] terms) {
    forward(w, x, off);
    TalosModel.Chain[] chains = model.chains();
    boolean withGrad = grad != null;

    // 1. soft joint limits
    double joint = 0;
    for (int j = 0; j < TalosModel.NUM_JOINTS; j++) {
      double q = x[off + j];
      double zl = (q - model.lower(j)) / JOINT_TEMPERATURE;
      double zu = (model.upper(j) - q) / JOINT_TEMPERATURE;
      if (withGrad) {
        joint += NormalCdf.logPhi(zl, w.dlog, 0) + NormalCdf.logPhi(zu, w.dlog, 1);
        grad[gOff + j] = (w.dlog[0] - w.dlog[1]) / JOINT_TEMPERATURE;
      } else {
        joint += NormalCdf.logPhi(zl) + NormalCdf.logPhi(zu);
      }
    }
    if (withGrad) {
      for (int j = BASE; j < DIM; j++) {
        grad[gOff + j] = 0;
      }
    }

    // 2. centre of mass relative to the left sole
    double[] lSoleP = w.p[TalosModel.L_FOOT];
    int lEnd = 3 * (chains[TalosModel.L_FOOT].n() - 1);
    double com = 0;
    for (int k = 0; k < 2; k++) {
      double d = w.com[k] - lSoleP[lEnd + k];
      double z1 = (d + COM_HALF_WIDTH) / COM_SCALE;
      double z2 = (COM_HALF_WIDTH - d) / COM_SCALE;
      com += NormalCdf.logPhi(z1, w.dlog, 0) + NormalCdf.logPhi(z2, w.dlog, 1);
      w.gCom[k] = (w.dlog[0] - w.dlog[1]) / COM_SCALE;
    }
    w.gCom[2] = 0;

    // 3.-5. Gaussian end-effector terms (upstream gradients into w.gEnd*)
    double rightFoot = footTerm(w, TalosModel.R_FOOT, RIGHT_FOOT_TARGET);
    double leftFoot = footTerm(w, TalosModel.L_FOOT, LEFT_FOOT_TARGET);
    double gripper = gripperTerm(w);

    if (terms != null) {
      terms[0] = joint;
      terms[1] = com;
      terms[2] = rightFoot;
      terms[3] = leftFoot;
      terms[4] = gripper;
    }
    if (withGrad) {
      // The CoM term also pulls on the left sole position: d = CoM_xy − sole_xy.
      double[] gl = w.gEndP[TalosModel.L_FOOT];
      gl[0] -= w.gCom[0];
      gl[1] -= w.gCom[1];
      backward(w, x, off, grad, gOff);
    }
    return joint + com + rightFoot + leftFoot + gripper;
  }

  /** Forward kinematics of all chains from the base pose; also the whole-body CoM. */
  private void forward(Workspace w, double[] x, int off) {
    double[] p0 = w.p0;
    p0[0] = x[off + BASE];
    p0[1] = x[off + BASE + 1];
    p0[2] = x[off + BASE + 2];
    Rotations.rpy(x[off + BASE + 3], x[off + BASE + 4], x[off + BASE + 5], w.r0, 0);
    double[] comSum = w.com;
    comSum[0] = 0;
    comSum[1] = 0;
    comSum[2] = 0;
    TalosModel.Chain[] chains = model.chains();
    for (int c = 0; c < chains.length; c++) {
      TalosModel.Chain ch = chains[c];
      double[] p = w.p[c];
      double[] r = w.r[c];
      double[] aw = w.axisWorld[c];
      double[] cp = w.comPoint[c];
      double[] prevP = p0;
      int prevPo = 0;
      double[] prevR = w.r0;
      int prevRo = 0;
      for (int s = 0; s < ch.n(); s++) {
        int o3 = 3 * s;
        int o9 = 9 * s;
        // p_s = p_{s−1} + R_{s−1} o_s
        Rotations.apply(prevR, prevRo, ch.origin(), o3, p, o3);
        p[o3] += prevP[prevPo];
        p[o3 + 1] += prevP[prevPo + 1];
        p[o3 + 2] += prevP[prevPo + 2];
        int v = ch.variable()[s];
        if (v < 0) {
          Rotations.mul(prevR, prevRo, ch.originRot(), o9, r, o9);
        } else {
          // R_s = (R_{s−1} Rot(rpy_s)) RotAxis(a_s, q); world axis = R_{s−1} Rot(rpy_s) a_s
          Rotations.mul(prevR, prevRo, ch.originRot(), o9, w.tmp, 0);
          Rotations.apply(w.tmp, 0, ch.axis(), o3, aw, o3);
          Rotations.axisAngle(ch.axis(), o3, x[off + v], w.tmp, 9);
          Rotations.mul(w.tmp, 0, w.tmp, 9, r, o9);
        }
        // link centre of mass p_s + R_s com_s
        Rotations.apply(r, o9, ch.com(), o3, cp, o3);
        double m = ch.mass()[s];
        for (int k = 0; k < 3; k++) {
          cp[o3 + k] += p[o3 + k];
          comSum[k] += m * cp[o3 + k];
        }
        prevP = p;
        prevPo = o3;
        prevR = r;
        prevRo = o9;
      }
    }
    double inv = 1.0 / model.totalMass();
    comSum[0] *= inv;
    comSum[1] *= inv;
    comSum[2] *= inv;
  }

  /** Normalised diagonal Gaussian on the 12-vector of chain {@code c}'s end frame. */
  private double footTerm(Workspace w, int c, double[] target) {
    int last = model.chains()[c].n() - 1;
    double[] p = w.p[c];
    double[] r = w.r[c];
    double[] gp = w.gEndP[c];
    double[] gr = w.gEndR[c];
    double sum = 0;
    for (int i = 0; i < 12; i++) {
      double v = i < 3 ? p[3 * last + i] : r[9 * last + i - 3];
      double s = FOOT_STD[i];
      double e = (v - target[i]) / s;
      sum += -Math.log(s) - LOG_SQRT_2PI - 0.5 * e * e;
      double g = -e / s;
      if (i < 3) {
        gp[i] = g;
      } else {
        gr[i - 3] = g;
      }
    }
    w.hasEndRotation[c] = true;
    return sum;
  }

  /** Normalised isotropic Gaussian of the left gripper position around the context. */
  private double gripperTerm(Workspace w) {
    int c = TalosModel.L_GRIPPER;
    int last = model.chains()[c].n() - 1;
    double[] gp = w.gEndP[c];
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      double e = (w.p[c][3 * last + k] - context[k]) / GRIPPER_STD;
      sum += -Math.log(GRIPPER_STD) - LOG_SQRT_2PI - 0.5 * e * e;
      gp[k] = -e / GRIPPER_STD;
    }
    w.gEndP[TalosModel.R_GRIPPER][0] = 0;
    w.gEndP[TalosModel.R_GRIPPER][1] = 0;
    w.gEndP[TalosModel.R_GRIPPER][2] = 0;
    return sum;
  }

  /**
   * Back-propagates the upstream gradients (CoM, end-frame positions and rotations) through every chain
   * into the joint and base entries of {@code grad} (joint-prior entries already written).
   */
  private void backward(Workspace w, double[] x, int off, double[] grad, int gOff) {
    TalosModel.Chain[] chains = model.chains();
    double invMass = 1.0 / model.totalMass();
    double[] fAll = w.fAll;
    double[] tAll = w.tAll;
    java.util.Arrays.fill(fAll, 0);
    java.util.Arrays.fill(tAll, 0);
    for (int c = 0; c < chains.length; c++) {
      TalosModel.Chain ch = chains[c];
      double[] p = w.p[c];
      double[] r = w.r[c];
      double[] cp = w.comPoint[c];
      double[] aw = w.axisWorld[c];
      // f = Σ g_p, t = Σ p × g_p + Σ ρ(R Gᵀ) over everything below the current segment
      double fx = 0;
      double fy = 0;
      double fz = 0;
      double tx = 0;
      double ty = 0;
      double tz = 0;
      for (int s = ch.n() - 1; s >= 0; s--) {
        int o3 = 3 * s;
        double scale = ch.mass()[s] * invMass;
        double gx = scale * w.gCom[0];
        double gy = scale * w.gCom[1];
        double gz = scale * w.gCom[2];
        if (s == ch.n() - 1) {
          double[] ge = w.gEndP[c];
          double ex = ge[0];
          double ey = ge[1];
          double ez = ge[2];
          fx += ex;
          fy += ey;
          fz += ez;
          tx += p[o3 + 1] * ez - p[o3 + 2] * ey;
          ty += p[o3 + 2] * ex - p[o3] * ez;
          tz += p[o3] * ey - p[o3 + 1] * ex;
          if (w.hasEndRotation[c]) {
            double[] gr = w.gEndR[c];
            int o9 = 9 * s;
            // M = R Gᵀ: M_ab = Σ_k R_ak G_bk; ρ(M) = (M23 − M32, M31 − M13, M12 − M21)
            tx += rowDot(r, o9 + 3, gr, 6) - rowDot(r, o9 + 6, gr, 3);
            ty += rowDot(r, o9 + 6, gr, 0) - rowDot(r, o9, gr, 6);
            tz += rowDot(r, o9, gr, 3) - rowDot(r, o9 + 3, gr, 0);
          }
        }
        fx += gx;
        fy += gy;
        fz += gz;
        tx += cp[o3 + 1] * gz - cp[o3 + 2] * gy;
        ty += cp[o3 + 2] * gx - cp[o3] * gz;
        tz += cp[o3] * gy - cp[o3 + 1] * gx;
        int v = ch.variable()[s];
        if (v >= 0) {
          // a · (t − o × f), o = p_s
          double mx = tx - (p[o3 + 1] * fz - p[o3 + 2] * fy);
          double my = ty - (p[o3 + 2] * fx - p[o3] * fz);
          double mz = tz - (p[o3] * fy - p[o3 + 1] * fx);
          grad[gOff + v] += aw[o3] * mx + aw[o3 + 1] * my + aw[o3 + 2] * mz;
        }
      }
      fAll[0] += fx;
      fAll[1] += fy;
      fAll[2] += fz;
      tAll[0] += tx;
      tAll[1] += ty;
      tAll[2] += tz;
    }
    double[] p0 = w.p0;
    grad[gOff + BASE] = fAll[0];
    grad[gOff + BASE + 1] = fAll[1];
    grad[gOff + BASE + 2] = fAll[2];
    double mx = tAll[0] - (p0[1] * fAll[2] - p0[2] * fAll[1]);
    double my = tAll[1] - (p0[2] * fAll[0] - p0[0] * fAll[2]);
    double mz = tAll[2] - (p0[0] * fAll[1] - p0[1] * fAll[0]);
    double pitch = x[off + BASE + 4];
    double yaw = x[off + BASE + 5];
    double cp = Math.cos(pitch);
    double sp = Math.sin(pitch);
    double cy = Math.cos(yaw);
    double sy = Math.sin(yaw);
    grad[gOff + BASE + 3] = cy * cp * mx + sy * cp * my - sp * mz; // ω_roll = Rz Ry e_x
    grad[gOff + BASE + 4] = -sy * mx + cy * my; // ω_pitch = Rz e_y
    grad[gOff + BASE + 5] = mz; // ω_yaw = e_z
  }

  /** {@code Σ_k a[ao+k]·b[bo+k]} for k < 3. */
  private static double rowDot(double[] a, int ao, double[] b, int bo) {
    return a[ao] * b[bo] + a[ao + 1] * b[bo + 1] + a[ao + 2] * b[bo + 2];
  }

  /** Per-thread buffers: chain frames, world axes, link CoM points, upstream gradients. */
  private static final class Workspace {
    final double[] p0 = new double[3];
    final double[] r0 = new double[9];
    final double[] tmp = new double[18];
    final double[] com = new double[3];
    final double[] gCom = new double[3];
    final double[] dlog = new double[2];
    final double[] fAll = new double[3];
    final double[] tAll = new double[3];
    final double[][] p;
    final double[][] r;
    final double[][] axisWorld;
    final double[][] comPoint;
    final double[][] gEndP;
    final double[][] gEndR;
    final boolean[] hasEndRotation;

    Workspace(TalosModel model) {
      TalosModel.Chain[] chains = model.chains();
      int c = chains.length;
      p = new double[c][];
      r = new double[c][];
      axisWorld = new double[c][];
      comPoint = new double[c][];
      gEndP = new double[c][3];
      gEndR = new double[c][9];
      hasEndRotation = new boolean[c];
      for (int i = 0; i < c; i++) {
        int n = chains[i].n();
        p[i] = new double[3 * n];
        r[i] = new double[9 * n];
        axisWorld[i] = new double[3 * n];
        comPoint[i] = new double[3 * n];
      }
    }
  }
}
