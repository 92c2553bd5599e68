/**
 * One run of one codeword on one problem: RunEngine (the loop) with its run directory, metrics
 * logger, checkpoint schedule, stop reasons and final report; settings, outcome, checkpoints and
 * the problems a run can use (registry or user target).
 */
package org.gmmvi.cli.run;
