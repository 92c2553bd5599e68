/**
 * Design choice 5, component step sizes (ALGORITHM.md §2.5): fixed (F), decaying (D) or
 * improvement-based (R).
 */
package org.gmmvi.core.componentstep;
