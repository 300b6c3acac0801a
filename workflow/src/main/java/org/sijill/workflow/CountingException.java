package org.sijill.workflow;

/**
 * Linking or estimating the case cannot go on, for a reason the user can fix: no lists, a review
 * decision naming a record the case does not hold, no linkage run to estimate from. The message is
 * meant for the user as it stands.
 */
public final class CountingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CountingException(String message) {
    super(message);
  }

  public CountingException(String message, Throwable cause) {
    super(message, cause);
  }
}
