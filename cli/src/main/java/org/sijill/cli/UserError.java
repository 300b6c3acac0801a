package org.sijill.cli;

/** A failure the user can act on (bad input, missing file); printed without a stack trace. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
