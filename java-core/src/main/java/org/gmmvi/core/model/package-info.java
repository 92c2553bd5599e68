/**
 * The Gaussian mixture model (weights, means, Cholesky factors; full or diagonal covariances),
 * per-component bookkeeping, log-sum-exp helpers and the state of a module in a snapshot.
 */
package org.gmmvi.core.model;
