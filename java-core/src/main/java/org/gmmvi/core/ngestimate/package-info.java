/**
 * Design choice 1, natural-gradient estimation (ALGORITHM.md §2.1): Stein's lemma (S) or MORE
 * regression (Z), giving Rneg and gneg per component.
 */
package org.gmmvi.core.ngestimate;
