package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.Victims;
import org.sijill.casefile.seal.Sealer;

/**
 * A victim record's row as imported, read by column name as the file reader reads it (name trimmed
 * and in any letter case, value trimmed). An extra column the case sealed at rest is opened with
 * the case's keys; when they cannot open it (the case is locked) linking or estimating on that
 * column is refused, never run on placeholder text.
 */
final class RawRow {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VictimRecord record;
  private final Sealer sealer;
  private final Map<String, String[]> byKey = new HashMap<>();

  RawRow(VictimRecord record, Sealer sealer) {
    this.record = record;
    this.sealer = sealer;
    try {
      JsonNode node = JSON.readTree(record.raw());
      node.fields()
          .forEachRemaining(
              e ->
                  byKey.putIfAbsent(
                      e.getKey().strip().toLowerCase(Locale.ROOT),
                      new String[] {
                        e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()
                      }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("record " + record.id() + " has an unreadable raw row", e);
    }
  }

  /** Whether the row has this column. */
  boolean has(String column) {
    return byKey.containsKey(column.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The trimmed value of a column, "" when the row lacks it.
   *
   * @throws CountingException when the value is sealed and the case's keys cannot open it
   */
  String get(String column) {
    String[] kv = byKey.get(column.strip().toLowerCase(Locale.ROOT));
    if (kv == null) {
      return "";
    }
    String v = kv[1];
    if (Sealer.isSealed(v)) {
      String open = sealer.reveal(v, Victims.SEALED_FIELD_PREFIX + kv[0]);
      if (Sealer.LOCKED.equals(open) || Sealer.UNREADABLE.equals(open)) {
        throw new CountingException(
            "column '"
                + kv[0]
                + "' of list '"
                + record.listName()
                + "' is sealed at rest and "
                + (Sealer.LOCKED.equals(open)
                    ? "the case is locked: give the passphrase to link or estimate on it"
                    : "these keys cannot open it"));
      }
      v = open;
    }
    return v.strip();
  }
}
