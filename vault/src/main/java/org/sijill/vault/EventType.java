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
  FINGERPRINTED,
  /** An item's link to an incident (or an attribution resting on it) was withdrawn. */
  UNLINKED_FROM_INCIDENT,
  /**
   * A write to the case file that concerns no stored item on its own: an incident created or
   * corrected, an attribution, a link, a public claim, a withdrawal. Its {@code sha256} is the
   * SHA-256 of its own details (see {@link Vault#recordCaseWrite}), not of an item.
   */
  RECORDED;

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
