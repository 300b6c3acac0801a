package org.sijill.media;

import java.nio.file.Path;

/**
 * A file that cannot be fingerprinted: unreadable, truncated, corrupt, empty, too large to decode
 * safely, or in a format or codec we do not decode. The message names the file and says why.
 */
public final class MediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public MediaException(Path file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  public MediaException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  /** The file the problem is about. */
  public Path file() {
    return file;
  }
}
