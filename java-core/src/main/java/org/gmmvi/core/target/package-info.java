/**
 * The Target interface (unnormalised log-density with gradients, batched) that users implement,
 * and targets with their own random state.
 */
package org.gmmvi.core.target;
