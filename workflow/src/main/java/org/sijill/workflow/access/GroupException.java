package org.sijill.workflow.access;

/** A group operation refused: bad name, unknown group, user or item. The message says which. */
public final class GroupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GroupException(String message) {
    super(message);
  }
}
