package org.gmmvi.problems;

/**
 * Evaluation budgets of a problem in target evaluations (PROBLEMS.md §3.5, a project proposal, not a
 * reference setting) and the reference's iteration cap (§3.4), kept as a safety limit.
 *
 * @param full          budget aiming at the paper's final quality
 * @param smoke         budget for fast automated runs (−ELBO clearly below its initial value)
 * @param iterationCap  iteration safety limit (1,000,000; ZAMTRUX used 100,000)
 */
public record Budget(long full, long smoke, long iterationCap) {

  /** The reference's iteration cap of Experiment 3. */
  public static final long ITERATION_CAP = 1_000_000L;

  /** Validates positivity. */
  public Budget {
    if (full <= 0 || smoke <= 0 || iterationCap <= 0) {
      throw new IllegalArgumentException("budgets must be positive, got full=" + full + ", smoke="
          + smoke + ", iterationCap=" + iterationCap);
    }
  }

  /** A budget with the default iteration cap. */
  public static Budget of(long full, long smoke) {
    return new Budget(full, smoke, ITERATION_CAP);
  }
}
