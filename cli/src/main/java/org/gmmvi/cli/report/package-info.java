/**
 * Reports over run directories: mean and standard error per cell, the paper's Table 2 values,
 * Markdown/CSV tables and PNG plots.
 */
package org.gmmvi.cli.report;
