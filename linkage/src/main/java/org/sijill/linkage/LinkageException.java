package org.sijill.linkage;

/**
 * Bad input: a missing column, a duplicate record id, a malformed settings file, an unknown kind.
 * The message names the place, as {@code FILE:LINE: column: reason} (line and column when known).
 */
public final class LinkageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LinkageException(String message) {
    super(message);
  }

  public LinkageException(String message, Throwable cause) {
    super(message, cause);
  }

  public static LinkageException at(String file, long line, String column, String reason) {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    b.append(": ");
    if (column != null) {
      b.append(column).append(": ");
    }
    return new LinkageException(b.append(reason).toString());
  }
}
