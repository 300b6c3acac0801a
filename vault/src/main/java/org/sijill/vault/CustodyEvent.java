package org.sijill.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of the custody log: who did what to which item, and when.
 *
 * <p>Encoded as one line of JSON with a fixed key order and sorted details, for example {@code
 * {"seq":0,"type":"acquired","sha256":"…","actor":"collector-7","at":"2026-11-25T20:00:00Z",
 * "details":{"source":"…"}}}. The log hashes these exact bytes, so an entry must be kept as
 * written; {@link #parse} reads it back. {@code seq} repeats the entry's own position in the log,
 * which makes a removed or reordered entry visible on its own.
 *
 * @param seq index of this entry in the log
 * @param type what happened
 * @param sha256 the item concerned
 * @param actor who did it (a user name or role, never a witness's name)
 * @param at when it was recorded, UTC
 * @param details further facts, such as the source, note, URL or acquisition time
 */
public record CustodyEvent(
    long seq,
    EventType type,
    String sha256,
    String actor,
    Instant at,
    SortedMap<String, String> details) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public CustodyEvent {
    details = new TreeMap<>(details);
  }

  public static CustodyEvent of(
      long seq,
      EventType type,
      String sha256,
      String actor,
      Instant at,
      Map<String, String> details) {
    return new CustodyEvent(seq, type, sha256, actor, at, new TreeMap<>(details));
  }

  /** The canonical bytes stored in the log. */
  public byte[] toBytes() {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", seq);
    n.put("type", type.wireName());
    n.put("sha256", sha256);
    n.put("actor", actor);
    n.put("at", at.toString());
    ObjectNode d = n.putObject("details");
    details.forEach(d::put);
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads an entry back; {@link IllegalArgumentException} names what is wrong. */
  public static CustodyEvent parse(byte[] bytes) {
    try {
      JsonNode n = JSON.readTree(bytes);
      SortedMap<String, String> details = new TreeMap<>();
      JsonNode d = n.path("details");
      for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        details.put(e.getKey(), e.getValue().asText());
      }
      return new CustodyEvent(
          req(n, "seq").asLong(),
          EventType.fromWire(req(n, "type").asText()),
          req(n, "sha256").asText(),
          req(n, "actor").asText(),
          Instant.parse(req(n, "at").asText()),
          details);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a custody event: " + e.getMessage(), e);
    }
  }

  private static JsonNode req(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return v;
  }
}
