/**
 * Files of the runner: atomic writes, NPY/NPZ, model files, metrics.csv, JSON, the git revision,
 * and the JVM flags for child JVMs.
 */
package org.gmmvi.cli.io;
