/**
 * Design choice 7, weight step sizes (ALGORITHM.md §2.7): fixed (X), decaying (G) or
 * improvement-based (N).
 */
package org.gmmvi.core.weightstep;
