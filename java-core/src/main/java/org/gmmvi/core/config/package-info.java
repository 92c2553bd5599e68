/**
 * Codewords, the typed configuration of every design choice with its defaults and YAML keys, the
 * design-choice tables that map option letters to configs and factories, and config merging
 * (ALGORITHM.md §3).
 */
package org.gmmvi.core.config;
