package org.sijill.workflow;

import java.time.Instant;

/**
 * Who brings files into the vault, and what is known of where they came from.
 *
 * @param collector who is recorded as storing them
 * @param acquiredAt when they were obtained, or null for "now"
 * @param source where they came from (a source's name), or null
 * @param url the address they were taken from, or null
 * @param note a note kept with each item, or null
 */
public record Provenance(
    String collector, Instant acquiredAt, String source, String url, String note) {
  public Provenance {
    if (collector == null || collector.isBlank()) {
      throw new IllegalArgumentException("a collector is required");
    }
  }
}
