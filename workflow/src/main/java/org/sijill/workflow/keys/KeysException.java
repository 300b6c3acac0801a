package org.sijill.workflow.keys;

/** The keys cannot be created, unlocked or rotated; the message is meant for the user. */
public final class KeysException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeysException(String message, Throwable cause) {
    super(message, cause);
  }
}
