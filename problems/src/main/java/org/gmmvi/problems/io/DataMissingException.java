package org.gmmvi.problems.io;

/**
 * A data file or the data directory a problem needs does not exist. The message names the path that
 * was tried and how to point the program at the data (the {@code --data-dir} flag, the environment
 * variable {@value DataDirectory#ENV_VARIABLE} or the system property
 * {@value DataDirectory#PROPERTY}).
 *
 * <p>An {@link IllegalArgumentException}: a missing file is a misconfiguration by the caller, not a
 * numerical failure.
 */
public final class DataMissingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A missing-data error with a complete, user-facing message. */
  public DataMissingException(String message) {
    super(message);
  }
}
