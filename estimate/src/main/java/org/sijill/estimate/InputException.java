package org.sijill.estimate;

/**
 * Bad input, with a message that names the file, line and column: {@code FILE:LINE: column:
 * reason}. Several problems are joined by newlines.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
