package org.sijill.casefile.seal;

/** The keyring cannot be created, unlocked or changed; the message says why in a user's words. */
public final class KeyringException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeyringException(String message) {
    super(message);
  }

  public KeyringException(String message, Throwable cause) {
    super(message, cause);
  }
}
