/**
 * Design choice 3, sample selection (ALGORITHM.md §2.3): component-based (M) or mixture-based (P),
 * with the sample database and the target evaluator.
 */
package org.gmmvi.core.sample;
