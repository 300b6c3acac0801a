package org.sijill.casefile.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The database mirror of the vault's custody log: an {@code evidence_item} row per stored content
 * (from its first {@code acquired} or {@code imported} entry), a {@code custody_event} row per log
 * entry, and the entry's leaf hash in {@code custody_log_leaf}. The log is the record; these rows
 * make it searchable, and {@code vault verify} checks every row against the log.
 *
 * <p>Rows are written in log order, each entry in one transaction with its item, so after a crash
 * the rows missing are always a suffix of the log: {@link #nextLogIndex()} says where to resume.
 */
public final class VaultRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final Jdbi jdbi;

  public VaultRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The first log index with no custody_event row yet (0 for an empty mirror). */
  public long nextLogIndex() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select coalesce(max(log_index) + 1, 0) from custody_event")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Mirrors log entries, in order, in one transaction. {@code metadata} gives the metadata JSON of
   * an item by SHA-256 when its evidence_item row is created (may return null).
   */
  public void record(
      List<LogEntryRow> entries, java.util.function.Function<String, String> metadata) {
    jdbi.useTransaction(
        h -> {
          for (LogEntryRow e : entries) {
            Long id = itemId(h, e.sha256()).orElse(null);
            if (id == null && (e.action().equals("acquired") || e.action().equals("imported"))) {
              id = insertItem(h, e, metadata.apply(e.sha256()));
            }
            h.createUpdate(
                    "insert into custody_event (evidence_id, action, actor, occurred_at, details,"
                        + " log_index, recorded_by) values (:e, :action, :actor, :at,"
                        + " cast(:details as jsonb), :idx, :actor)")
                .bind("e", id)
                .bind("action", e.action())
                .bind("actor", e.actor())
                .bind("at", e.at())
                .bind("details", json(e.details()))
                .bind("idx", e.logIndex())
                .execute();
            h.createUpdate("insert into custody_log_leaf (log_index, leaf_hash) values (:i, :h)")
                .bind("i", e.logIndex())
                .bind("h", e.leafHash())
                .execute();
          }
        });
  }

  private static long insertItem(Handle h, LogEntryRow e, String metadata) {
    Map<String, String> d = e.details();
    return h.createUpdate(
            "insert into evidence_item (sha256, sha512, media_type, size_bytes, original_name,"
                + " original_url, acquired_at, acquired_by, source_id, metadata, note,"
                + " recorded_by) values (:sha256, :sha512, :mime, :size, :name, :url,"
                + " :acquiredAt, :by, (select id from source_current where name_en ="
                + " cast(:source as text) or name_ar = cast(:source as text) order by id limit 1),"
                + " cast(:metadata as jsonb), :note, :by)")
        .bind("sha256", e.sha256())
        .bind("sha512", d.get("sha512"))
        .bind("mime", d.getOrDefault("mime_type", "application/octet-stream"))
        .bind("size", Long.parseLong(d.getOrDefault("size", "0")))
        .bind("name", d.get("file_name"))
        .bind("url", d.get("url"))
        .bind("acquiredAt", Instant.parse(d.getOrDefault("acquired_at", e.at().toString())))
        .bind("by", e.actor())
        .bind("metadata", metadata == null ? "{}" : metadata)
        .bind("note", d.get("note"))
        // The log keeps the source as its name; link the row to the case file's source of that
        // name when there is one (the name stays in the custody details either way).
        .bind("source", d.get("source"))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static Optional<Long> itemId(Handle h, String sha256) {
    return h.createQuery("select id from evidence_item where sha256 = :s")
        .bind("s", sha256)
        .mapTo(Long.class)
        .findOne();
  }

  /** An evidence_item row and the log index of its first acquisition, for verification. */
  public record ItemRow(long id, Long logIndex, Map<String, String> claims) {}

  /** A custody_event row and its stored leaf hash, for verification. */
  public record EventRow(long id, Long logIndex, String leafHash, Map<String, String> claims) {}

  /** Every evidence_item with what it claims of its acquisition entry. */
  public List<ItemRow> items() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select i.*, (select min(c.log_index) from custody_event c where"
                        + " c.evidence_id = i.id and c.action in ('acquired', 'imported')) as idx"
                        + " from evidence_item i order by i.id")
                .map(
                    (rs, ctx) -> {
                      Map<String, String> c = new TreeMap<>();
                      c.put("sha256", rs.getString("sha256"));
                      c.put("sha512", rs.getString("sha512"));
                      c.put("mime_type", rs.getString("media_type"));
                      c.put("size", Long.toString(rs.getLong("size_bytes")));
                      c.put("file_name", rs.getString("original_name"));
                      c.put("url", rs.getString("original_url"));
                      c.put(
                          "acquired_at",
                          rs.getObject("acquired_at", java.time.OffsetDateTime.class)
                              .toInstant()
                              .toString());
                      c.put("actor", rs.getString("acquired_by"));
                      c.put("note", rs.getString("note"));
                      long idx = rs.getLong("idx");
                      return new ItemRow(rs.getLong("id"), rs.wasNull() ? null : idx, c);
                    })
                .list());
  }

  /** Every custody_event with what it claims of its log entry. */
  public List<EventRow> events() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select c.*, l.leaf_hash, i.sha256 from custody_event c left join"
                        + " custody_log_leaf l on l.log_index = c.log_index left join evidence_item"
                        + " i on i.id = c.evidence_id order by c.id")
                .map(
                    (rs, ctx) -> {
                      Map<String, String> c = new TreeMap<>();
                      try {
                        JSON.readValue(rs.getString("details"), MAP)
                            .forEach((k, v) -> c.put(k, v == null ? null : v.toString()));
                      } catch (JsonProcessingException e) {
                        c.put("(details)", "unreadable JSON");
                      }
                      c.put("type", rs.getString("action"));
                      c.put("actor", rs.getString("actor"));
                      c.put(
                          "at",
                          rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                              .toInstant()
                              .toString());
                      if (rs.getString("sha256") != null) {
                        c.put("sha256", rs.getString("sha256"));
                      }
                      long idx = rs.getLong("log_index");
                      return new EventRow(
                          rs.getLong("id"),
                          rs.wasNull() ? null : idx,
                          rs.getString("leaf_hash"),
                          c);
                    })
                .list());
  }

  /** How an item entered the vault: its row, first acquisition time, source and file name. */
  public record Acquired(long id, String sha256, Instant at, String source, String name) {}

  /** What the case file knows of the acquisition of each of these items (absent ones left out). */
  public Map<String, Acquired> acquisitions(java.util.Collection<String> sha256s) {
    Map<String, Acquired> out = new TreeMap<>();
    if (sha256s.isEmpty()) {
      return out;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select e.id, e.sha256, e.acquired_at, e.original_name,"
                        + " (select c.details->>'source' from custody_event c"
                        + "   where c.evidence_id = e.id and c.action in ('acquired', 'imported')"
                        + "   order by c.log_index limit 1) as source"
                        + " from evidence_item e where e.sha256::text = any(:keys)")
                .bindArray("keys", String.class, List.copyOf(sha256s))
                .map(
                    (rs, ctx) ->
                        new Acquired(
                            rs.getLong("id"),
                            rs.getString("sha256"),
                            rs.getObject("acquired_at", java.time.OffsetDateTime.class).toInstant(),
                            rs.getString("source"),
                            rs.getString("original_name")))
                .forEach(a -> out.put(a.sha256(), a)));
    return out;
  }

  /**
   * A custody log entry that names an incident, as mirrored.
   *
   * @param sha256 the item it is about, or null for a desk write that touches no item
   * @param details as logged (values the case seals stay sealed here)
   */
  public record TrailRow(
      long logIndex,
      String action,
      String actor,
      Instant at,
      Long evidenceId,
      String sha256,
      Map<String, String> details) {}

  /**
   * Every mirrored custody log entry that names the incident (details {@code incident} or {@code
   * related_incident}), in log order: its own writes and those of the items linked to it.
   */
  public List<TrailRow> incidentTrail(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select c.log_index, c.action, c.actor, c.occurred_at, c.evidence_id,"
                        + " i.sha256, c.details from custody_event c left join evidence_item i on"
                        + " i.id = c.evidence_id where c.log_index is not null and (c.details->>"
                        + "'incident' = :i or c.details->>'related_incident' = :i) order by"
                        + " c.log_index")
                .bind("i", Long.toString(incidentId))
                .map(
                    (rs, ctx) -> {
                      Map<String, String> d = new TreeMap<>();
                      try {
                        JSON.readValue(rs.getString("details"), MAP)
                            .forEach((k, v) -> d.put(k, v == null ? null : v.toString()));
                      } catch (JsonProcessingException e) {
                        d.put("(details)", "unreadable JSON");
                      }
                      long ev = rs.getLong("evidence_id");
                      Long evidenceId = rs.wasNull() ? null : ev;
                      return new TrailRow(
                          rs.getLong("log_index"),
                          rs.getString("action"),
                          rs.getString("actor"),
                          rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                          evidenceId,
                          rs.getString("sha256"),
                          d);
                    })
                .list());
  }

  /** SHA-256 of the items linked to an incident. */
  public List<String> itemsOfIncident(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select distinct e.sha256 from evidence_item e join incident_evidence ie on"
                        + " ie.evidence_id = e.id where ie.incident_id = :i and not exists (select 1 from"
                        + " link_withdrawal w where w.kind = 'evidence' and w.link_id = ie.id)"
                        + " order by e.sha256")
                .bind("i", incidentId)
                .mapTo(String.class)
                .list());
  }

  private static String json(Map<String, String> m) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
