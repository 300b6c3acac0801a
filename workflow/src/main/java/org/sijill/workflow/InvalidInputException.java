package org.sijill.workflow;

/**
 * A value a person sent that the desk cannot record: {@link #field} names the field (as the API and
 * the forms name it) and the message says why, starting with the field. Nothing was stored.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidInputException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
