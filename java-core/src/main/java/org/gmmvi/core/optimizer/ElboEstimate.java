package org.gmmvi.core.optimizer;

/**
 * A Monte-Carlo ELBO estimate from {@code m} fresh model samples (PROBLEMS.md §5.1):
 * {@code ELBO = mean(log p̃(x)) + τ·H_est}, {@code H_est = −mean(log q(x))}.
 *
 * @param negElbo       {@code −ELBO}
 * @param entropy       {@code H_est}
 * @param meanLogTarget {@code mean(log p̃(x))}
 * @param samples       the samples, {@code m × D} row-major
 * @param logQ          {@code log q(x_i)}, length {@code m}
 * @param logP          {@code log p̃(x_i)}, length {@code m}
 */
public record ElboEstimate(double negElbo, double entropy, double meanLogTarget, double[] samples,
    double[] logQ, double[] logP) {

  /** {@code ELBO = −negElbo}. */
  public double elbo() {
    return -negElbo;
  }
}
