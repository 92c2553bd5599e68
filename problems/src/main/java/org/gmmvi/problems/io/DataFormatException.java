package org.gmmvi.problems.io;

/**
 * A data file exists but cannot be parsed: wrong column count, a non-numeric cell, a truncated or
 * corrupt gzip stream, a wrong number of rows. The message names the file and, where it applies, the
 * 1-based line number.
 */
public final class DataFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A format error with a complete, user-facing message. */
  public DataFormatException(String message) {
    super(message);
  }

  /** A format error caused by an I/O problem (for example a truncated gzip stream). */
  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
