package org.gmmvi.cli.error;

/**
 * A user error (bad argument, unknown problem or codeword, unreadable config, missing data): the
 * runner prints the message alone on stderr and exits with code 2.
 */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A user error with the message shown to the user. */
  public UsageException(String message) {
    super(message);
  }

  /** A user error caused by {@code cause} (shown with --debug). */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
