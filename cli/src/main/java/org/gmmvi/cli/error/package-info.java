/**
 * The runner's user-error type, {@link org.gmmvi.cli.error.UsageException}: a leaf package that
 * every other cli package may throw from without depending on the command classes.
 */
package org.gmmvi.cli.error;
