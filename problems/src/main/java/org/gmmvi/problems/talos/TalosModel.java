package org.gmmvi.problems.talos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TALOS kinematic model of PROBLEMS.md §4.8, built from {@code talos_reduced.urdf} at run time:
 * four serial chains from {@code base_link} (right gripper, left gripper, right sole, left sole), the
 * joint order of the decision vector, joint limits and link masses/centres of mass with the reference's
 * quirks (links without an inertial origin weigh 1.0 with a zero offset; torso links appear in both arm
 * chains and are counted twice).
 */
final class TalosModel {

  /** Root link of every chain. */
  static final String BASE_LINK = "base_link";

  /** Index of each chain in {@link #chains()}. */
  static final int R_GRIPPER = 0;
  static final int L_GRIPPER = 1;
  static final int R_FOOT = 2;
  static final int L_FOOT = 3;

  /** Tip link of each chain, in chain-index order. */
  static final List<String> TIPS = List.of("gripper_right_base_link", "gripper_left_base_link",
      "right_sole_link", "left_sole_link");

  /** Number of joint variables, {@code x[0..27]}. */
  static final int NUM_JOINTS = 28;

  /**
   * Joint names in decision-vector order: torso_1, torso_2, arm_right_1..7, arm_left_1..7,
   * leg_right_1..6, leg_left_1..6 (URDF joint names carry the suffix {@code _joint}).
   */
  static final List<String> JOINT_NAMES = jointNames();

  /** Mass the reference gives links without an inertial origin. */
  static final double DEFAULT_MASS = 1.0;

  /**
   * One serial chain of {@code n} segments (joint + child link), all arrays flat per segment.
   *
   * @param origin    joint origin translations, {@code n × 3}
   * @param originRot joint origin rotations {@code Rz(y)Ry(p)Rx(r)}, row-major {@code n × 9}
   * @param axis      unit joint axes in the child frame, {@code n × 3} (zero for fixed joints)
   * @param variable  index into {@code x} of each segment's joint, {@code −1} for fixed joints
   * @param mass      link mass per segment (quirk rule applied)
   * @param com       link centre of mass in the link frame, {@code n × 3}
   */
  record Chain(int n, double[] origin, double[] originRot, double[] axis, int[] variable,
      double[] mass, double[] com) {}

  private final Chain[] chains;
  private final double[] lower;
  private final double[] upper;
  private final double totalMass;

  private TalosModel(Chain[] chains, double[] lower, double[] upper, double totalMass) {
    this.chains = chains;
    this.lower = lower;
    this.upper = upper;
    this.totalMass = totalMass;
  }

  /**
   * Builds the model from the URDF file.
   *
   * @throws IllegalArgumentException if the file lacks a chain, a joint of the decision vector, a limit,
   *     or contains a joint type serial kinematics cannot handle
   */
  static TalosModel load(Path urdfFile) {
    Urdf urdf = Urdf.read(urdfFile);
    Map<String, Integer> variableOf = new HashMap<>();
    for (int i = 0; i < NUM_JOINTS; i++) {
      variableOf.put(JOINT_NAMES.get(i), i);
    }
    double[] lower = new double[NUM_JOINTS];
    double[] upper = new double[NUM_JOINTS];
    boolean[] seen = new boolean[NUM_JOINTS];
    Chain[] chains = new Chain[TIPS.size()];
    double total = 0;
    for (int c = 0; c < chains.length; c++) {
      List<Urdf.Joint> joints = urdf.chain(BASE_LINK, TIPS.get(c));
      chains[c] = buildChain(urdf, joints, variableOf, lower, upper, seen);
      for (double m : chains[c].mass()) {
        total += m;
      }
    }
    for (int i = 0; i < NUM_JOINTS; i++) {
      if (!seen[i]) {
        throw new IllegalArgumentException(
            "joint '" + JOINT_NAMES.get(i) + "' is on none of the four TALOS chains in " + urdfFile);
      }
    }
    return new TalosModel(chains, lower, upper, total);
  }

  private static Chain buildChain(Urdf urdf, List<Urdf.Joint> joints, Map<String, Integer> variableOf,
      double[] lower, double[] upper, boolean[] seen) {
    int n = joints.size();
    double[] origin = new double[3 * n];
    double[] originRot = new double[9 * n];
    double[] axis = new double[3 * n];
    int[] variable = new int[n];
    double[] mass = new double[n];
    double[] com = new double[3 * n];
    for (int s = 0; s < n; s++) {
      Urdf.Joint j = joints.get(s);
      System.arraycopy(j.xyz(), 0, origin, 3 * s, 3);
      Rotations.rpy(j.rpy()[0], j.rpy()[1], j.rpy()[2], originRot, 9 * s);
      switch (j.type()) {
        case "fixed" -> variable[s] = -1;
        case "revolute", "continuous" -> {
          Integer v = variableOf.get(j.name());
          if (v == null) {
            throw new IllegalArgumentException("revolute joint '" + j.name()
                + "' on a TALOS chain is not one of the 28 decision variables " + JOINT_NAMES);
          }
          double[] a = j.axis();
          double norm = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
          if (!(norm > 0)) {
            throw new IllegalArgumentException("joint '" + j.name() + "' has a zero axis");
          }
          for (int k = 0; k < 3; k++) {
            axis[3 * s + k] = a[k] / norm;
          }
          variable[s] = v;
          if (Double.isNaN(j.lower()) || Double.isNaN(j.upper())) {
            throw new IllegalArgumentException("joint '" + j.name() + "' has no <limit>");
          }
          lower[v] = j.lower();
          upper[v] = j.upper();
          seen[v] = true;
        }
        default -> throw new IllegalArgumentException("joint '" + j.name() + "' has type '"
            + j.type() + "'; the TALOS chains support fixed, revolute and continuous joints");
      }
      Urdf.Link link = urdf.link(j.child());
      if (link.hasInertialOrigin()) {
        if (!(link.mass() >= 0)) {
          throw new IllegalArgumentException("link '" + link.name() + "' has no valid <mass>");
        }
        mass[s] = link.mass();
        System.arraycopy(link.com(), 0, com, 3 * s, 3);
      } else {
        mass[s] = DEFAULT_MASS; // reference quirk (ii) of §4.8
      }
    }
    return new Chain(n, origin, originRot, axis, variable, mass, com);
  }

  private static List<String> jointNames() {
    List<String> names = new ArrayList<>();
    names.add("torso_1_joint");
    names.add("torso_2_joint");
    for (String side : new String[] {"right", "left"}) {
      for (int i = 1; i <= 7; i++) {
        names.add("arm_" + side + "_" + i + "_joint");
      }
    }
    for (String side : new String[] {"right", "left"}) {
      for (int i = 1; i <= 6; i++) {
        names.add("leg_" + side + "_" + i + "_joint");
      }
    }
    return List.copyOf(names);
  }

  /** The four chains, indexed by {@link #R_GRIPPER} … {@link #L_FOOT}. */
  Chain[] chains() {
    return chains;
  }

  /** Lower joint limit of variable {@code j}. */
  double lower(int j) {
    return lower[j];
  }

  /** Upper joint limit of variable {@code j}. */
  double upper(int j) {
    return upper[j];
  }

  /** Sum of the segment masses over all four chains (torso counted twice). */
  double totalMass() {
    return totalMass;
  }
}
