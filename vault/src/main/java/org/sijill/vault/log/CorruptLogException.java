package org.sijill.vault.log;

import java.io.IOException;

/** The custody log is damaged in a way a crash cannot explain; it must be investigated. */
public final class CorruptLogException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptLogException(String message) {
    super(message);
  }
}
