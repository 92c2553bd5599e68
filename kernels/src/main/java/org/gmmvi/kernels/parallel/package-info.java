/**
 * Multi-threaded decorators of a backend: the mixture kernels split their samples into row ranges
 * that run concurrently, with results bit-identical to the wrapped backend for any thread count.
 */
package org.gmmvi.kernels.parallel;
