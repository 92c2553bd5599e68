/**
 * The ./gmmvi commands (picocli): run, reproduce, evaluate, list, and the options they share as
 * mixins. The top of the cli: no other cli package uses this one.
 */
package org.gmmvi.cli;
