/**
 * The optimizer loop (ALGORITHM.md §1.6) that composes the seven modules, its builder, initial
 * models, iteration records, ELBO estimators, and the optimizer state with its binary codec for
 * checkpoints.
 */
package org.gmmvi.core.optimizer;
