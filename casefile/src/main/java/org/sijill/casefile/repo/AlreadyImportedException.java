package org.sijill.casefile.repo;

import org.sijill.casefile.model.ListImport;

/**
 * A list whose bytes (SHA-256) were imported before, refused so that the case does not count its
 * records twice. The earlier import is named; importing it again needs a reason.
 */
public final class AlreadyImportedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ListImport earlier;

  public AlreadyImportedException(ListImport earlier) {
    super(
        "the same file was imported before: import "
            + earlier.id()
            + " of list '"
            + earlier.listName()
            + "' ("
            + earlier.fileName()
            + ") at "
            + earlier.recordedAt()
            + " by "
            + earlier.recordedBy());
    this.earlier = earlier;
  }

  /** The first import of these bytes. */
  public ListImport earlier() {
    return earlier;
  }
}
