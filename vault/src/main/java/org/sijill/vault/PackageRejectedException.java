package org.sijill.vault;

import java.io.IOException;

/**
 * An evidence package that failed verification; nothing from it was stored. The message names the
 * file (and line, where there is one) and what is wrong.
 */
public final class PackageRejectedException extends IOException {
  private static final long serialVersionUID = 1L;

  public PackageRejectedException(String message) {
    super(message);
  }

  public PackageRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
