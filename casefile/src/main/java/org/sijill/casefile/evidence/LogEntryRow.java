package org.sijill.casefile.evidence;

import java.time.Instant;
import java.util.Map;

/**
 * One custody log entry as the database mirrors it (the vault library's event, in plain values so
 * that the case file does not depend on the vault).
 *
 * @param logIndex position in the custody log
 * @param leafHash lowercase hex RFC 9162 leaf hash of the entry's bytes
 * @param action event type as written in the log, e.g. {@code acquired}
 * @param sha256 the item concerned
 * @param actor who did it
 * @param at when
 * @param details the entry's details
 */
public record LogEntryRow(
    long logIndex,
    String leafHash,
    String action,
    String sha256,
    String actor,
    Instant at,
    Map<String, String> details) {
  public LogEntryRow {
    details = Map.copyOf(details);
  }
}
