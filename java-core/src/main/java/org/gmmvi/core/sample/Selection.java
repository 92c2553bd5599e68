package org.gmmvi.core.sample;

/**
 * Result of a sample selection (ALGORITHM.md §2.3).
 *
 * @param batch         the samples of this iteration ({@code newest(n_old + n_new)})
 * @param numNewSamples new samples drawn and stored (after dropping invalid ones)
 * @param numReused     reused database samples
 * @param dropped       new samples dropped by the bad-sample policy
 */
public record Selection(SampleBatch batch, int numNewSamples, int numReused, int dropped) {}
