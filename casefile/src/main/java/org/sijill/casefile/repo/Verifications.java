package org.sijill.casefile.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Verification;
import org.sijill.casefile.model.VerificationQueueItem;
import org.sijill.casefile.model.VerificationStep;
import org.sijill.casefile.seal.Sealer;

/**
 * Verification records of evidence items and the steps of their review (V8). Both are append-only;
 * the rules of which step may follow which live in the workflow ({@code
 * org.sijill.workflow.VerifyEvidence}), not here.
 *
 * <p>A record's free text can name who posted an item, where it was filmed and who was asked: when
 * the case has keys, its reasons, every text value of its strands, its change reason and the
 * comments of its steps are stored sealed (each bound to its field) and read back through the
 * case's {@link Sealer} ("(locked)" without the passphrase). The judgement, flags, statuses and the
 * record's hash stay in the clear: queues and counts need them, and the hash is of the plain
 * record, as the custody log commits to it.
 */
public final class Verifications {
  static final String REASONS = "verification.reasons";
  static final String STRANDS = "verification.strands";
  static final String CHANGE_REASON = "verification.change_reason";
  static final String COMMENT = "verification.comment";

  private final Jdbi jdbi;
  private final Sealer sealer;

  public Verifications(Jdbi jdbi) {
    this(jdbi, Sealer.none());
  }

  public Verifications(Jdbi jdbi, Sealer sealer) {
    this.jdbi = jdbi;
    this.sealer = sealer;
  }

  /** A record to write; {@code strands} is a JSON object. */
  public record NewVerification(
      long evidenceId,
      int version,
      String judgement,
      String reasons,
      String strands,
      boolean graphic,
      boolean personalInfo,
      Long supersedes,
      String changeReason,
      String recordSha256,
      String by) {}

  /** A step to write; {@code verificationId} may be null for an assignment. */
  public record NewStep(
      long evidenceId, Long verificationId, String status, String assignee, String comment) {}

  /** Work done inside the transaction that writes a record or step, before it commits. */
  @FunctionalInterface
  public interface BeforeCommit {
    /**
     * @param verificationId the record written (or the step's record; null for none)
     * @throws RuntimeException to roll the write back
     */
    void run(Long verificationId);
  }

  /**
   * Writes {@code record} (may be null) and then {@code step} in one transaction; {@code
   * beforeCommit} runs after both are written and before the commit, so a failure there (the
   * custody log could not be written) leaves nothing behind. Returns the record's id (or the step's
   * record, for a step alone).
   */
  public Long write(NewVerification record, NewStep step, String by, BeforeCommit beforeCommit) {
    // Sealed before the transaction opens: a locked case refuses here, before anything is written.
    NewVerification sealedRecord =
        record == null
            ? null
            : new NewVerification(
                record.evidenceId(),
                record.version(),
                record.judgement(),
                sealer.seal(record.reasons(), REASONS),
                sealer.sealJsonText(record.strands(), STRANDS),
                record.graphic(),
                record.personalInfo(),
                record.supersedes(),
                sealer.seal(record.changeReason(), CHANGE_REASON),
                record.recordSha256(),
                record.by());
    String comment = sealer.seal(step.comment(), COMMENT);
    return jdbi.inTransaction(
        h -> {
          Long id =
              sealedRecord == null ? step.verificationId() : Long.valueOf(insert(h, sealedRecord));
          h.createUpdate(
                  "insert into verification_step (evidence_id, verification_id, status, assignee,"
                      + " comment, recorded_by) values (:e, :v, :s, :a, :c, :by)")
              .bind("e", step.evidenceId())
              .bind("v", id)
              .bind("s", step.status())
              .bind("a", step.assignee())
              .bind("c", comment)
              .bind("by", by)
              .execute();
          beforeCommit.run(id);
          return id;
        });
  }

  private static long insert(Handle h, NewVerification r) {
    return h.createUpdate(
            "insert into verification (evidence_id, version, judgement, reasons, strands, graphic,"
                + " personal_info, supersedes, change_reason, record_sha256, recorded_by) values"
                + " (:evidenceId, :version, :judgement, :reasons, cast(:strands as jsonb),"
                + " :graphic, :personalInfo, :supersedes, :changeReason, :recordSha256, :by)")
        .bindMethods(r)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public Optional<Verification> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from verification where id = :id")
                .bind("id", id)
                .map(this::verification)
                .findOne());
  }

  /** Every version of an item's record, oldest first. */
  public List<Verification> versions(long evidenceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from verification where evidence_id = :e order by version")
                .bind("e", evidenceId)
                .map(this::verification)
                .list());
  }

  /** Every step of an item's review, oldest first. */
  public List<VerificationStep> steps(long evidenceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from verification_step where evidence_id = :e order by id")
                .bind("e", evidenceId)
                .map(this::step)
                .list());
  }

  /** Items whose latest step assigns them to {@code username} and is one of {@code statuses}. */
  public List<VerificationQueueItem> assignedTo(String username, List<String> statuses) {
    return queue("s.assignee = :u and s.status in (<statuses>)", username, statuses);
  }

  /** Items whose latest step is one of {@code statuses}, oldest step first. */
  public List<VerificationQueueItem> inStatus(List<String> statuses) {
    return queue("s.status in (<statuses>)", null, statuses);
  }

  /** Items with no step yet (status new), earliest recorded first, at most {@code limit}. */
  public List<VerificationQueueItem> untouched(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select e.id as evidence_id, e.original_name as name, e.media_type,"
                        + " 'new' as status, null as assignee, null::bigint as verification_id,"
                        + " null as author, e.recorded_at as since from evidence_item e where not"
                        + " exists (select 1 from verification_step s where s.evidence_id = e.id)"
                        + " order by e.recorded_at, e.id limit :limit")
                .bind("limit", limit)
                .map(Verifications::queued)
                .list());
  }

  private List<VerificationQueueItem> queue(String where, String user, List<String> statuses) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select s.evidence_id, e.original_name as name, e.media_type, s.status,"
                        + " s.assignee, s.verification_id, v.recorded_by as author, s.recorded_at"
                        + " as since from (select distinct on (evidence_id) * from"
                        + " verification_step order by evidence_id, id desc) s join evidence_item"
                        + " e on e.id = s.evidence_id left join verification v on v.id ="
                        + " s.verification_id where "
                        + where
                        + " order by s.recorded_at, s.id")
                .bind("u", user)
                .bindList("statuses", statuses)
                .map(Verifications::queued)
                .list());
  }

  private Verification verification(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws SQLException {
    return new Verification(
        rs.getLong("id"),
        rs.getLong("evidence_id"),
        rs.getInt("version"),
        rs.getString("judgement"),
        sealer.reveal(rs.getString("reasons"), REASONS),
        sealer.revealJsonText(rs.getString("strands"), STRANDS),
        rs.getBoolean("graphic"),
        rs.getBoolean("personal_info"),
        (Long) rs.getObject("supersedes"),
        sealer.reveal(rs.getString("change_reason"), CHANGE_REASON),
        rs.getString("record_sha256"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("recorded_by"));
  }

  private VerificationStep step(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws SQLException {
    return new VerificationStep(
        rs.getLong("id"),
        rs.getLong("evidence_id"),
        (Long) rs.getObject("verification_id"),
        rs.getString("status"),
        rs.getString("assignee"),
        sealer.reveal(rs.getString("comment"), COMMENT),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("recorded_by"));
  }

  private static VerificationQueueItem queued(
      ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
    return new VerificationQueueItem(
        rs.getLong("evidence_id"),
        rs.getString("name"),
        rs.getString("media_type"),
        rs.getString("status"),
        rs.getString("assignee"),
        (Long) rs.getObject("verification_id"),
        rs.getString("author"),
        rs.getTimestamp("since").toInstant());
  }
}
