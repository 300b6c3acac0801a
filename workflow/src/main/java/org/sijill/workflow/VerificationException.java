package org.sijill.workflow;

/**
 * A verification step that was refused, and why, in words for the person who asked. Nothing was
 * written. The kind tells an adapter how to answer (a web handler: 400, 403, 404 or 409).
 */
public final class VerificationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a step was refused. */
  public enum Kind {
    /** A field is missing or malformed; the message names it. */
    INVALID,
    /** The item or record does not exist. */
    NOT_FOUND,
    /** The step does not follow from the item's status (e.g. a second review). */
    CONFLICT,
    /** The same person would both write and review a record (four eyes). */
    FOUR_EYES
  }

  private final Kind kind;

  public VerificationException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
