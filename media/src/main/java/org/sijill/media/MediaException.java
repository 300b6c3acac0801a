package org.sijill.media;

import java.nio.file.Path;

/**
 * A file that cannot be fingerprinted: unreadable, truncated, corrupt, empty, too large to decode
 * safely, or in a format or codec we do not decode. The message names the file and says why.
 */
public final class MediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final boolean unrecognised;

  public MediaException(Path file, String reason) {
    this(file, reason, false);
  }

  public MediaException(Path file, String reason, boolean unrecognised) {
    super(file + ": " + reason);
    this.file = file;
    this.unrecognised = unrecognised;
  }

  public MediaException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.unrecognised = false;
  }

  /**
   * Whether the file is simply not an image or a video (a document, an audio file) rather than a
   * damaged or dangerous one.
   */
  public boolean unrecognised() {
    return unrecognised;
  }

  /** The file the problem is about. */
  public Path file() {
    return file;
  }
}
