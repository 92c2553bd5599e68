package org.gmmvi.core.model;

import java.util.Arrays;

/**
 * Per-component state besides {@code (logw_o, μ_o, L_o)} (ALGORITHM.md §1.4), kept index-aligned with
 * the {@link GmmModel}: step size, MORE ridge coefficient, last trust-region multiplier, number of
 * updates, and the reward and weight histories ({@code K × Lh}, row-major; column {@code Lh−1} is the
 * newest, i.e. {@code h[−1]}).
 *
 * <p>Histories start at {@link #SENT}, the most negative float32 value, which the step-size and
 * deletion rules compare against exactly (§4 "Sentinels").
 */
public final class ComponentBookkeeping {

  /** {@code −3.4028234663852886e38}: "no data yet" (the most negative float32). */
  public static final double SENT = -3.4028234663852886e38;

  /** Default MORE ridge coefficient when the estimator config has none. */
  public static final double DEFAULT_L2REG = 1e-12;

  private final int historyLength;
  private int k;
  private double[] stepsize;
  private double[] l2reg;
  private double[] lastEta;
  private double[] numUpdates;
  private double[] rewardHistory;
  private double[] weightHistory;
  private long[] uniqueId;
  private long nextId;

  /**
   * Bookkeeping for {@code k} initial components: step sizes {@code initialStepsize}, ridge
   * {@code initialL2reg}, {@code lastEta = −1}, no updates, both histories filled with SENT.
   *
   * @param historyLength {@code Lh} ({@code 2·max(2, del_iters)} with component adaptation, else 2)
   */
  public ComponentBookkeeping(int k, int historyLength, double initialStepsize,
      double initialL2reg) {
    if (k < 1 || historyLength < 2) {
      throw new IllegalArgumentException("need k >= 1 and history length >= 2, got k=" + k
          + ", Lh=" + historyLength);
    }
    this.historyLength = historyLength;
    this.k = 0;
    int cap = Math.max(4, k);
    stepsize = new double[cap];
    l2reg = new double[cap];
    lastEta = new double[cap];
    numUpdates = new double[cap];
    rewardHistory = new double[cap * historyLength];
    weightHistory = new double[cap * historyLength];
    uniqueId = new long[cap];
    for (int o = 0; o < k; o++) {
      addComponent(initialStepsize, initialL2reg, SENT);
    }
  }

  /** Number of components. */
  public int size() {
    return k;
  }

  /** History length {@code Lh}. */
  public int historyLength() {
    return historyLength;
  }

  /**
   * Appends a component's bookkeeping (§1.4): {@code lastEta = −1}, {@code numUpdates = 0}, reward
   * history SENT, weight history filled with {@code weightFill} (SENT for initial components, the
   * initial weight 1e−29 for added ones).
   */
  public void addComponent(double initialStepsize, double initialL2reg, double weightFill) {
    ensureCapacity(k + 1);
    stepsize[k] = initialStepsize;
    l2reg[k] = initialL2reg;
    lastEta[k] = -1.0;
    numUpdates[k] = 0.0;
    Arrays.fill(rewardHistory, k * historyLength, (k + 1) * historyLength, SENT);
    Arrays.fill(weightHistory, k * historyLength, (k + 1) * historyLength, weightFill);
    uniqueId[k] = nextId++;
    k++;
  }

  /** Removes component {@code o}'s bookkeeping; later components shift down. */
  public void removeComponent(int o) {
    check(o);
    int tail = k - o - 1;
    System.arraycopy(stepsize, o + 1, stepsize, o, tail);
    System.arraycopy(l2reg, o + 1, l2reg, o, tail);
    System.arraycopy(lastEta, o + 1, lastEta, o, tail);
    System.arraycopy(numUpdates, o + 1, numUpdates, o, tail);
    System.arraycopy(uniqueId, o + 1, uniqueId, o, tail);
    System.arraycopy(rewardHistory, (o + 1) * historyLength, rewardHistory, o * historyLength,
        tail * historyLength);
    System.arraycopy(weightHistory, (o + 1) * historyLength, weightHistory, o * historyLength,
        tail * historyLength);
    k--;
  }

  /** {@code storeRewards(rv)}: shifts every reward row left by one and appends {@code rv[o]}. */
  public void storeRewards(double[] rv) {
    shiftAppend(rewardHistory, rv);
  }

  /** Shifts every weight-history row left by one and appends {@code w[o]} (weights, not logs). */
  public void storeWeights(double[] w) {
    shiftAppend(weightHistory, w);
  }

  private void shiftAppend(double[] h, double[] v) {
    if (v.length < k) {
      throw new IllegalArgumentException("need " + k + " values, got " + v.length);
    }
    for (int o = 0; o < k; o++) {
      int row = o * historyLength;
      System.arraycopy(h, row + 1, h, row, historyLength - 1);
      h[row + historyLength - 1] = v[o];
    }
  }

  /** Reward history entry {@code RH[o][col]} ({@code col} in {@code [0, Lh)}). */
  public double reward(int o, int col) {
    return rewardHistory[check(o) * historyLength + col];
  }

  /** Weight history entry {@code WH[o][col]}. */
  public double weightHistory(int o, int col) {
    return weightHistory[check(o) * historyLength + col];
  }

  /** The newest stored reward {@code RH[o][−1]}. */
  public double lastReward(int o) {
    return reward(o, historyLength - 1);
  }

  /** The internal reward-history array ({@code K × Lh} used). */
  public double[] rewardHistoryArray() {
    return rewardHistory;
  }

  /** The internal weight-history array ({@code K × Lh} used). */
  public double[] weightHistoryArray() {
    return weightHistory;
  }

  public double stepsize(int o) {
    return stepsize[check(o)];
  }

  public void setStepsize(int o, double v) {
    stepsize[check(o)] = v;
  }

  public double l2reg(int o) {
    return l2reg[check(o)];
  }

  public void setL2reg(int o, double v) {
    l2reg[check(o)] = v;
  }

  public double lastEta(int o) {
    return lastEta[check(o)];
  }

  public void setLastEta(int o, double v) {
    lastEta[check(o)] = v;
  }

  public double numUpdates(int o) {
    return numUpdates[check(o)];
  }

  public void setNumUpdates(int o, double v) {
    numUpdates[check(o)] = v;
  }

  /** Diagnostic id of component {@code o} (0..K0−1 initially, then increasing). */
  public long uniqueId(int o) {
    return uniqueId[check(o)];
  }

  /** A copy of the {@code K} step sizes. */
  public double[] stepsizes() {
    return Arrays.copyOf(stepsize, k);
  }

  /** A deep copy. */
  public ComponentBookkeeping copy() {
    ComponentBookkeeping c = new ComponentBookkeeping(1, historyLength, 0, 0);
    c.k = k;
    c.stepsize = stepsize.clone();
    c.l2reg = l2reg.clone();
    c.lastEta = lastEta.clone();
    c.numUpdates = numUpdates.clone();
    c.rewardHistory = rewardHistory.clone();
    c.weightHistory = weightHistory.clone();
    c.uniqueId = uniqueId.clone();
    c.nextId = nextId;
    return c;
  }

  /** Id the next added component will get. */
  public long nextUniqueId() {
    return nextId;
  }

  /**
   * Overwrites the whole content (checkpoint restore). Arrays hold {@code k} entries (histories
   * {@code k × Lh}).
   */
  public void restore(int k, double[] stepsize, double[] l2reg, double[] lastEta,
      double[] numUpdates, double[] rewardHistory, double[] weightHistory, long[] uniqueId,
      long nextId) {
    if (stepsize.length != k || rewardHistory.length != k * historyLength
        || weightHistory.length != k * historyLength) {
      throw new IllegalArgumentException("bookkeeping state does not match K=" + k + ", Lh="
          + historyLength);
    }
    this.k = 0;
    ensureCapacity(k);
    System.arraycopy(stepsize, 0, this.stepsize, 0, k);
    System.arraycopy(l2reg, 0, this.l2reg, 0, k);
    System.arraycopy(lastEta, 0, this.lastEta, 0, k);
    System.arraycopy(numUpdates, 0, this.numUpdates, 0, k);
    System.arraycopy(rewardHistory, 0, this.rewardHistory, 0, k * historyLength);
    System.arraycopy(weightHistory, 0, this.weightHistory, 0, k * historyLength);
    System.arraycopy(uniqueId, 0, this.uniqueId, 0, k);
    this.nextId = nextId;
    this.k = k;
  }

  private void ensureCapacity(int cap) {
    if (stepsize.length >= cap) {
      return;
    }
    int c = Math.max(cap, stepsize.length * 2);
    stepsize = Arrays.copyOf(stepsize, c);
    l2reg = Arrays.copyOf(l2reg, c);
    lastEta = Arrays.copyOf(lastEta, c);
    numUpdates = Arrays.copyOf(numUpdates, c);
    uniqueId = Arrays.copyOf(uniqueId, c);
    rewardHistory = Arrays.copyOf(rewardHistory, c * historyLength);
    weightHistory = Arrays.copyOf(weightHistory, c * historyLength);
  }

  private int check(int o) {
    if (o < 0 || o >= k) {
      throw new IndexOutOfBoundsException("component " + o + " of " + k);
    }
    return o;
  }
}
