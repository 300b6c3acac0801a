package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What an incident is linked to: evidence items (optionally a segment of a video), victim records,
 * victim persons (by the person id the linkage runs keep), sources and other incidents. Links are
 * facts of record: never changed, never removed; a link that no longer holds is withdrawn by a row
 * of its own ({@link #withdraw}), and the lists of current links leave it out.
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
    INCIDENT,
    /** A person of the linkage runs ({@code person.id}, kept across runs), since V20. */
    PERSON;

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

  /** A victim record, victim person, source or incident linked to an incident. */
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
    return currentEvidenceLinks("ie.incident_id = :id", incidentId);
  }

  /**
   * The links that tie an evidence item to incidents, in the order they were made: the incidents it
   * documents, as its page lists them. Withdrawn links are left out, as in {@link #evidence}.
   */
  public List<EvidenceLink> ofEvidence(long evidenceId) {
    return currentEvidenceLinks("ie.evidence_id = :id", evidenceId);
  }

  private List<EvidenceLink> currentEvidenceLinks(String where, long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select ie.id, ie.incident_id, ie.evidence_id, e.sha256, e.media_type,"
                        + " e.original_name, ie.segment_from, ie.segment_to, ie.recorded_at,"
                        + " ie.recorded_by from incident_evidence ie join evidence_item e on e.id"
                        + " = ie.evidence_id where "
                        + where
                        + " and not exists (select 1 from link_withdrawal w where w.kind ="
                        + " 'evidence' and w.link_id = ie.id) order by ie.id")
                .bind("id", id)
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

  /** Links a victim record, victim person, source or other incident; returns the link's id. */
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
                        + " l.recorded_by from incident_link l where (l.incident_id = :i or (l.kind"
                        + " = 'incident' and l.target_id = :i)) and not exists (select 1 from"
                        + " link_withdrawal w where w.kind = 'link' and w.link_id = l.id) order by"
                        + " l.id")
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

  /** Whether a linkage run ever gave this person id (the {@code person} table holds it). */
  public boolean personExists(long personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select exists (select 1 from person where id = :p)")
                .bind("p", personId)
                .mapTo(Boolean.class)
                .one());
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

  /**
   * What a withdrawal is of: an evidence link, an attribution, or a victim/source/incident link.
   */
  public enum WithdrawnKind {
    EVIDENCE,
    ATTRIBUTION,
    LINK;

    public String db() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A withdrawn link as the incident's history shows it.
   *
   * @param what the link in words, as it was made ("evidence item 4, 0:05–0:12", "Armed group A,
   *     alleged_perpetrator, fair", "victim 17")
   * @param madeAt when the link was made
   * @param link what {@code what} says, as values a page can put in its reader's language
   */
  public record Withdrawal(
      long id,
      String kind,
      long linkId,
      long incidentId,
      String what,
      Instant madeAt,
      String madeBy,
      String reason,
      Instant recordedAt,
      String recordedBy,
      WithdrawnLink link) {}

  /**
   * The link a withdrawal ended, by its values: for an evidence link the item and its segment
   * (seconds, null when open), for an attribution the actor's name, role and grade (stored codes),
   * for a victim, source or related-incident link its kind and the other side's id.
   */
  public record WithdrawnLink(
      Long evidenceId,
      Double from,
      Double to,
      String actor,
      String role,
      String grade,
      String linkKind,
      Long target) {}

  /**
   * Withdraws a link: a new row; the link's own row stays. Returns the withdrawal's id.
   *
   * @throws org.jdbi.v3.core.statement.UnableToExecuteStatementException when it is withdrawn
   *     already (the table holds one withdrawal per link)
   */
  public long withdraw(WithdrawnKind kind, long linkId, long incidentId, String reason, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into link_withdrawal (kind, link_id, incident_id, reason,"
                        + " recorded_by) values (:k, :l, :i, :reason, :by)")
                .bind("k", kind.db())
                .bind("l", linkId)
                .bind("i", incidentId)
                .bind("reason", reason)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The withdrawn links of an incident (either side of a related-incident link), oldest first. */
  public List<Withdrawal> withdrawals(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select w.id, w.kind, w.link_id, w.incident_id, w.reason, w.recorded_at,"
                        + " w.recorded_by, case w.kind when 'evidence' then 'evidence item ' ||"
                        + " ie.evidence_id || coalesce(', from ' || ie.segment_from || ' s', '') ||"
                        + " coalesce(' to ' || ie.segment_to || ' s', '') when 'attribution' then"
                        + " coalesce(x.name_en, x.name_ar, 'actor ' || a.actor_id) || ', ' ||"
                        + " a.role || ', ' || a.grade else l.kind || ' ' || case when l.kind ="
                        + " 'incident' and l.target_id = :i then l.incident_id else l.target_id"
                        + " end end as what, ie.evidence_id, ie.segment_from, ie.segment_to,"
                        + " coalesce(x.name_en, x.name_ar, 'actor ' || a.actor_id) as actor,"
                        + " a.role, a.grade, l.kind as link_kind, case when l.kind = 'incident'"
                        + " and l.target_id = :i then l.incident_id else l.target_id end as"
                        + " target, coalesce(ie.recorded_at, a.recorded_at,"
                        + " l.recorded_at) as made_at, coalesce(ie.recorded_by, a.recorded_by,"
                        + " l.recorded_by) as made_by from link_withdrawal w left join"
                        + " incident_evidence ie on w.kind = 'evidence' and ie.id = w.link_id left"
                        + " join attribution_current a on w.kind = 'attribution' and a.id ="
                        + " w.link_id left join actor_current x on x.id = a.actor_id left join"
                        + " incident_link l on w.kind = 'link' and l.id = w.link_id where"
                        + " w.incident_id = :i or (l.kind = 'incident' and (l.incident_id = :i or"
                        + " l.target_id = :i)) order by w.id")
                .bind("i", incidentId)
                .map(
                    (rs, ctx) ->
                        new Withdrawal(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getLong("link_id"),
                            rs.getLong("incident_id"),
                            rs.getString("what"),
                            rs.getTimestamp("made_at").toInstant(),
                            rs.getString("made_by"),
                            rs.getString("reason"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by"),
                            new WithdrawnLink(
                                (Long) rs.getObject("evidence_id"),
                                (Double) rs.getObject("segment_from"),
                                (Double) rs.getObject("segment_to"),
                                rs.getString("actor"),
                                rs.getString("role"),
                                rs.getString("grade"),
                                rs.getString("link_kind"),
                                (Long) rs.getObject("target"))))
                .list());
  }
}
