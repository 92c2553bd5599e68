/**
 * Design choice 4, component updates (ALGORITHM.md §2.4): the direct natural-gradient step (I),
 * the iBLR step (Y) or the trust-region step with a KL bound (T).
 */
package org.gmmvi.core.componentupdate;
