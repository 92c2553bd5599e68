package org.gmmvi.core.sample;

import org.gmmvi.core.config.SampleSelectorConfig;
import org.gmmvi.core.model.GmmModel;
import org.gmmvi.core.random.Rng;

/**
 * The common part of both selectors (ALGORITHM.md §2.3, steps 1 and 5–7): fetch the reuse window,
 * draw, evaluate, store, return the newest window. Subclasses decide how many new samples to draw
 * and how ({@link #draw}).
 */
abstract class AbstractSampleSelector implements SampleSelector {

  protected final int desired;
  protected final int reusePerComponent;
  private double[] xNew = new double[0];
  private double[] logPNew = new double[0];
  private double[] gradNew = new double[0];
  private int[] mapNew = new int[0];
  protected double[] comp = new double[0];
  protected double[] lw = new double[0];

  AbstractSampleSelector(SampleSelectorConfig config) {
    this.desired = config.desiredSamplesPerComponent();
    this.reusePerComponent = config.numReusePerComponent();
  }

  @Override
  public Selection select(GmmModel model, SampleDatabase db, SampleEvaluator evaluator, Rng rng) {
    int k = model.numComponents();
    int d = model.dimension();
    SampleBatch old = db.newest(reusePerComponent * k);
    int[] counts = newSampleCounts(model, old);
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    ensure(total, d);
    draw(model, counts, total, rng, xNew, mapNew);
    boolean grad = evaluator.needsGradients();
    int valid = evaluator.evaluate(xNew, total, logPNew, grad ? gradNew : null, mapNew,
        old.n() > 0);
    // Keep the Gaussians of every sample a window can reach before the next add: this iteration's
    // window (old + new) and the next reuse window (one more component at most), doubled because a
    // thinning halves positions.
    long retain = 2L * ((long) reusePerComponent * (k + 1) + total);
    db.add(xNew, valid, model, logPNew, grad ? gradNew : null, mapNew,
        (int) Math.min(Integer.MAX_VALUE, retain));
    return new Selection(db.newest(old.n() + valid), valid, old.n(), total - valid);
  }

  /** How many new samples to draw (per component for M; a single total for P). */
  abstract int[] newSampleCounts(GmmModel model, SampleBatch old);

  /** Draws the new samples into {@code x} with their drawing component in {@code map}. */
  abstract void draw(GmmModel model, int[] counts, int total, Rng rng, double[] x, int[] map);

  /** Grows the per-iteration workspaces (allocation only when a larger batch appears). */
  private void ensure(int n, int d) {
    if (mapNew.length < n) {
      int cap = Math.max(n, mapNew.length + mapNew.length / 2);
      xNew = new double[cap * d];
      logPNew = new double[cap];
      gradNew = new double[cap * d];
      mapNew = new int[cap];
    }
  }

  /** Grows {@link #comp} to {@code n·k} and {@link #lw} to {@code n}. */
  protected void ensureScratch(int n, int k) {
    if (comp.length < n * k) {
      comp = new double[n * k];
    }
    if (lw.length < n) {
      lw = new double[n];
    }
  }
}
