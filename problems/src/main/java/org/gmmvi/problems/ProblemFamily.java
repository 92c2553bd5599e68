package org.gmmvi.problems;

import java.util.List;

/**
 * A group of built-in problems of one package (for example the logistic-regression variants),
 * discovered by {@link Problems} through {@link java.util.ServiceLoader}: implementations are
 * listed, in registration order, in
 * {@code problems/src/main/resources/META-INF/services/org.gmmvi.problems.ProblemFamily}. The
 * registry therefore names no problem package at compile time, so {@code org.gmmvi.problems}
 * (the {@link Problem} contract) and the problem packages form no package cycle.
 * Implementations need a public no-argument constructor.
 */
public interface ProblemFamily {

  /** The problems of this family, in the order they are listed. */
  List<Problem> problems();
}
