package org.sijill.vault;

import java.time.Instant;
import java.util.Optional;

/**
 * How an item was obtained, recorded in its {@code acquired} custody event.
 *
 * @param collector who collected it (user name or role)
 * @param acquiredAt when it was obtained; null means "now"
 * @param source where it came from (a platform, a partner organisation), may be null
 * @param url the address it was downloaded from, may be null
 * @param note free text, may be null
 */
public record Acquisition(
    String collector, Instant acquiredAt, String source, String url, String note) {
  public Acquisition {
    if (collector == null || collector.isBlank()) {
      throw new IllegalArgumentException("an acquisition needs a collector");
    }
  }

  /** Acquisition by {@code collector} now, with no further facts. */
  public static Acquisition by(String collector) {
    return new Acquisition(collector, null, null, null, null);
  }

  Optional<Instant> when() {
    return Optional.ofNullable(acquiredAt);
  }
}
