/**
 * Design choice 6, weight updates (ALGORITHM.md §2.6): the direct step (U) or the trust-region
 * step with a KL bound (O).
 */
package org.gmmvi.core.weightupdate;
