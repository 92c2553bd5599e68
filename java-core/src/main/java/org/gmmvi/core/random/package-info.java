/**
 * The project's random number generator: seeded, splittable, with a saveable state, so every run
 * is reproducible from its seed.
 */
package org.gmmvi.core.random;
