package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is alleged to have done what in an incident: each attribution names an actor, a role and a
 * grade, and the evidence items it rests on. A regraded attribution is a new version.
 */
public final class Attributions {
  private final Jdbi jdbi;

  public Attributions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * An attribution as the incident page shows it.
   *
   * @param evidenceIds the items it rests on, in the order they were given
   */
  public record Entry(
      long id,
      int version,
      long incidentId,
      long actorId,
      String actorNameAr,
      String actorNameEn,
      String actorKind,
      String role,
      String grade,
      String rationale,
      List<Long> evidenceIds,
      Instant recordedAt,
      String recordedBy) {
    public Entry {
      evidenceIds = List.copyOf(evidenceIds);
    }
  }

  /** Records an attribution and the evidence it rests on, together; returns its id. */
  public long add(
      long incidentId,
      long actorId,
      String role,
      String grade,
      String rationale,
      List<Long> evidenceIds,
      String by) {
    return jdbi.inTransaction(
        h -> {
          long id =
              h.createUpdate(
                      "insert into attribution (incident_id, actor_id, role, grade, rationale,"
                          + " recorded_by) values (:i, :a, :role, :grade, :rationale, :by)")
                  .bind("i", incidentId)
                  .bind("a", actorId)
                  .bind("role", role)
                  .bind("grade", grade)
                  .bind("rationale", rationale)
                  .bind("by", by)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          for (long e : evidenceIds) {
            h.createUpdate(
                    "insert into attribution_evidence (attribution_id, evidence_id, recorded_by)"
                        + " values (:a, :e, :by)")
                .bind("a", id)
                .bind("e", e)
                .bind("by", by)
                .execute();
          }
          return id;
        });
  }

  /** The current attributions of an incident, oldest first; withdrawn ones are left out. */
  public List<Entry> forIncident(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select a.id, a.version, a.incident_id, a.actor_id, x.name_ar, x.name_en,"
                        + " x.kind, a.role, a.grade, a.rationale, a.recorded_at, a.recorded_by,"
                        + " coalesce((select array_agg(ae.evidence_id order by ae.id) from"
                        + " attribution_evidence ae where ae.attribution_id = a.id),"
                        + " '{}'::bigint[]) as evidence from attribution_current a left join"
                        + " actor_current x on x.id = a.actor_id where a.incident_id = :i and not"
                        + " exists (select 1 from link_withdrawal w where w.kind = 'attribution'"
                        + " and w.link_id = a.id) order by a.id")
                .bind("i", incidentId)
                .map(
                    (rs, ctx) ->
                        new Entry(
                            rs.getLong("id"),
                            rs.getInt("version"),
                            rs.getLong("incident_id"),
                            rs.getLong("actor_id"),
                            rs.getString("name_ar"),
                            rs.getString("name_en"),
                            rs.getString("kind"),
                            rs.getString("role"),
                            rs.getString("grade"),
                            rs.getString("rationale"),
                            List.of((Long[]) rs.getArray("evidence").getArray()),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by")))
                .list());
  }
}
