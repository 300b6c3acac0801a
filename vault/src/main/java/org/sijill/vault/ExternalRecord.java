package org.sijill.vault;

import java.util.Map;
import java.util.TreeMap;

/**
 * A record kept outside the vault (such as a database row) that mirrors a custody log entry; {@link
 * Vault#verify} checks each one against the log, so an edited row is caught.
 *
 * @param subject how to name the record in a fault, e.g. {@code evidence_item 7}
 * @param logIndex the log entry it mirrors
 * @param leafHash lowercase hex leaf hash of that entry as the record stored it, or null
 * @param claims what the record says of the entry, by name: {@code sha256}, {@code type}, {@code
 *     actor}, {@code at}, or a detail key such as {@code file_name}; each must equal the entry's
 */
public record ExternalRecord(
    String subject, long logIndex, String leafHash, Map<String, String> claims) {
  public ExternalRecord {
    claims = new TreeMap<>(claims);
  }
}
