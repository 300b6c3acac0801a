package org.sijill.workflow.accounts;

/** A request about accounts that cannot be done, with a message for the person who asked. */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccountException(String message) {
    super(message);
  }
}
