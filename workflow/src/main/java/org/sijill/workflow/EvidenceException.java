package org.sijill.workflow;

/**
 * An expected failure of an evidence use case (a file that cannot be read, an item that is not in
 * the vault, a vault that cannot be opened): the message names what and why, in words for the
 * person who asked. Adapters show the message; nothing was changed unless the message says so.
 */
public final class EvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message) {
    super(message);
  }

  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
