package org.gmmvi.core.target;

import org.gmmvi.core.random.Rng;

/**
 * A target whose values depend on a random source (mini-batch likelihoods). The optimizer saves and
 * restores this source with its own state, so a resumed run continues bit-identically.
 */
public interface RandomizedTarget extends Target {

  /** The random source that drives the target's randomness (for example mini-batch selection). */
  Rng random();
}
