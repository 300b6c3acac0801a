package org.sijill.vault;

import java.util.Locale;

/** What happened to an item, as recorded in the custody log. */
public enum EventType {
  /** The original bytes were collected and stored. */
  ACQUIRED,
  /** Metadata was read from the stored bytes (the original is never modified). */
  METADATA_EXTRACTED,
  VIEWED,
  EXPORTED,
  /** The item arrived in a verified package from another vault. */
  IMPORTED,
  ASSESSED,
  LINKED_TO_INCIDENT,
  ANNOTATED,
  /**
   * Perceptual fingerprinting was tried on the stored bytes: what came of it, or, for a file that
   * cannot be decoded, why not (the item is kept all the same).
   */
  FINGERPRINTED;

  /** The name written in the log: lower case with underscores, e.g. {@code acquired}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static EventType fromWire(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown custody event type: " + s, e);
    }
  }
}
