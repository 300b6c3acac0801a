package org.sijill.workflow;

/**
 * A backup that could not be written, or a backup file that cannot be restored: the message names
 * the part and what is wrong. A failed backup leaves any earlier backup file as it was; a failed
 * restore leaves nothing in the target folder.
 */
public final class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
