package org.sijill.media.index;

import java.time.Instant;

/**
 * One fingerprinted file in a {@link MediaIndex}.
 *
 * @param id number in the index, in the order items were added
 * @param key content identity, normally the SHA-256 of the file in hex (the vault's address)
 * @param kind {@code image} or {@code video}
 * @param added when it was indexed
 * @param source who or where it came from, as given when it was added ("" when unknown)
 * @param acquired when the organisation acquired it, or {@code null} when unknown
 * @param label the file name it arrived under
 */
public record MediaItem(
    int id,
    String key,
    String kind,
    Instant added,
    String source,
    Instant acquired,
    String label,
    double durationSeconds,
    int frameCount) {

  /** The acquisition time, else the indexing time: the order "first seen" is judged by. */
  public Instant firstSeen() {
    return acquired != null ? acquired : added;
  }
}
