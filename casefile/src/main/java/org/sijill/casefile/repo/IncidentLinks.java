package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What an incident is linked to: evidence items (optionally a segment of a video), victim records,
 * sources and other incidents. Links are facts of record: never changed, never removed.
 */
public final class IncidentLinks {
  private final Jdbi jdbi;

  public IncidentLinks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The kinds of thing besides evidence that an incident links to, as stored. */
  public enum Kind {
    VICTIM,
    SOURCE,
    INCIDENT;

    public String db() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * An evidence item linked to an incident.
   *
   * @param from start of the segment in seconds, or null (the whole item)
   * @param to end of the segment in seconds, or null
   */
  public record EvidenceLink(
      long id,
      long incidentId,
      long evidenceId,
      String sha256,
      String mediaType,
      String originalName,
      Double from,
      Double to,
      Instant recordedAt,
      String recordedBy) {}

  /** A victim record, source or incident linked to an incident. */
  public record Link(
      long id,
      long incidentId,
      String kind,
      long targetId,
      String note,
      Instant recordedAt,
      String recordedBy) {}

  /** Links an evidence item (or a segment of it) to an incident; returns the link's id. */
  public long linkEvidence(long incidentId, long evidenceId, Double from, Double to, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into incident_evidence (incident_id, evidence_id, relation,"
                        + " segment_from, segment_to, recorded_by) values (:i, :e, 'documents',"
                        + " :from, :to, :by)")
                .bind("i", incidentId)
                .bind("e", evidenceId)
                .bind("from", from)
                .bind("to", to)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The evidence links of an incident, in the order they were made. */
  public List<EvidenceLink> evidence(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select ie.id, ie.incident_id, ie.evidence_id, e.sha256, e.media_type,"
                        + " e.original_name, ie.segment_from, ie.segment_to, ie.recorded_at,"
                        + " ie.recorded_by from incident_evidence ie join evidence_item e on e.id"
                        + " = ie.evidence_id where ie.incident_id = :i order by ie.id")
                .bind("i", incidentId)
                .map(
                    (rs, ctx) ->
                        new EvidenceLink(
                            rs.getLong("id"),
                            rs.getLong("incident_id"),
                            rs.getLong("evidence_id"),
                            rs.getString("sha256"),
                            rs.getString("media_type"),
                            rs.getString("original_name"),
                            (Double) rs.getObject("segment_from"),
                            (Double) rs.getObject("segment_to"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by")))
                .list());
  }

  /** Links a victim record, source or other incident; returns the link's id. */
  public long link(long incidentId, Kind kind, long targetId, String note, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into incident_link (incident_id, kind, target_id, note, recorded_by)"
                        + " values (:i, :k, :t, :note, :by)")
                .bind("i", incidentId)
                .bind("k", kind.db())
                .bind("t", targetId)
                .bind("note", note)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * The victim records, sources and incidents linked to an incident, oldest first. A related
   * incident is listed from either side of the link, with {@code targetId} the other incident.
   */
  public List<Link> links(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select l.id, l.kind, case when l.kind = 'incident' and l.target_id = :i then"
                        + " l.incident_id else l.target_id end as target, l.note, l.recorded_at,"
                        + " l.recorded_by from incident_link l where l.incident_id = :i or (l.kind"
                        + " = 'incident' and l.target_id = :i) order by l.id")
                .bind("i", incidentId)
                .map(
                    (rs, ctx) ->
                        new Link(
                            rs.getLong("id"),
                            incidentId,
                            rs.getString("kind"),
                            rs.getLong("target"),
                            rs.getString("note"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by")))
                .list());
  }

  /** A victim record's name as written, with its list ("Name (list)"), when there is one. */
  public java.util.Optional<String> victimLabel(long victimId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select coalesce(full_name, record_id) || ' (' || list_name || ')' from"
                        + " victim_record where id = :v")
                .bind("v", victimId)
                .mapTo(String.class)
                .findOne());
  }
}
