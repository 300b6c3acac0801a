package org.sijill.casefile.repo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Claim;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.ClaimKind;
import org.sijill.casefile.model.Enums.EvidenceStatus;
import org.sijill.casefile.model.Enums.Grade;

/**
 * Claims made by sources and the assessments made of them (and of evidence, incidents and
 * attributions). An assessment is never revised in place: a new one supersedes it.
 */
public final class Claims {
  private final Jdbi jdbi;

  public Claims(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long addClaim(
      long sourceId,
      ClaimKind kind,
      String text,
      String payloadJson,
      LocalDate statedOn,
      Long incidentId,
      Long evidenceId,
      String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into claim (source_id, kind, text, payload, stated_on, incident_id,"
                        + " evidence_id, recorded_by) values (:s, :kind, :text, cast(:payload as"
                        + " jsonb), :statedOn, :incidentId, :evidenceId, :by)")
                .bind("s", sourceId)
                .bind("kind", kind.db())
                .bind("text", text)
                .bind("payload", payloadJson == null ? "{}" : payloadJson)
                .bind("statedOn", statedOn)
                .bind("incidentId", incidentId)
                .bind("evidenceId", evidenceId)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public List<Claim> forIncident(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from claim where incident_id = :i order" + " by stated_on, id")
                .bind("i", incidentId)
                .mapTo(Claim.class)
                .list());
  }

  /**
   * Records an assessment. At least one of {@code grade} (incidents, attributions, claims) and
   * {@code status} (evidence) must be given, and the rationale is required.
   */
  public long assess(
      AssessmentTarget target,
      long targetId,
      String method,
      Grade grade,
      EvidenceStatus status,
      String rationale,
      String assessor,
      Long supersedes) {
    if (rationale == null || rationale.isBlank()) {
      throw new IllegalArgumentException("an assessment needs its reasons");
    }
    if (grade == null && status == null) {
      throw new IllegalArgumentException("an assessment needs a grade or a status");
    }
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into assessment (target_type, target_id, method, grade, status,"
                        + " rationale, assessor, supersedes, recorded_by) values (:t, :id,"
                        + " :method, :grade, :status, :rationale, :assessor, :supersedes,"
                        + " :assessor)")
                .bind("t", target.db())
                .bind("id", targetId)
                .bind("method", method)
                .bind("grade", grade == null ? null : grade.db())
                .bind("status", status == null ? null : status.db())
                .bind("rationale", rationale)
                .bind("assessor", assessor)
                .bind("supersedes", supersedes)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Every assessment of a target, oldest first, superseded ones included. */
  public List<Assessment> assessments(AssessmentTarget target, long targetId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from assessment where target_type = :t and target_id = :id order by"
                        + " recorded_at, id")
                .bind("t", target.db())
                .bind("id", targetId)
                .mapTo(Assessment.class)
                .list());
  }

  /** The assessment in force: the newest one that no other supersedes. */
  public Optional<Assessment> current(AssessmentTarget target, long targetId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from assessment a where target_type = :t and target_id = :id and"
                        + " not exists (select 1 from assessment n where n.supersedes = a.id)"
                        + " order by recorded_at desc, id desc limit 1")
                .bind("t", target.db())
                .bind("id", targetId)
                .mapTo(Assessment.class)
                .findOne());
  }
}
