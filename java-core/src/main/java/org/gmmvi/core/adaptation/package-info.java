/**
 * Design choice 2, component adaptation (ALGORITHM.md §2.2): a fixed number of components (E) or
 * the VIPS heuristics that add and delete components (A).
 */
package org.gmmvi.core.adaptation;
