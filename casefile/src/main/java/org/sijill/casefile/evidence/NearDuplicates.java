package org.sijill.casefile.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.NearDuplicate;

/**
 * The near-duplicates found at ingest ({@code near_duplicate}): for each newly stored item, the
 * earlier items it matches, the distance, and which copy was acquired first. Append-only.
 */
public final class NearDuplicates {
  private final Jdbi jdbi;

  public NearDuplicates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What the media index found when an item arrived. */
  public record Found(
      long evidenceId,
      long earlierId,
      String verdict,
      int distance,
      double itemShare,
      double earlierShare) {}

  /**
   * Records a match (the second record of the same pair is ignored: a re-run of a backfill finds
   * what the first run found); returns whether a row was written.
   */
  public boolean record(Found f, String by) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into near_duplicate (evidence_id, earlier_id, verdict, distance,"
                            + " item_share, earlier_share, seen_first_id, recorded_by)"
                            + " select :e, :l, :verdict, :distance, :is, :ls,"
                            + " case when e.acquired_at < l.acquired_at then e.id else l.id end,"
                            + " :by from evidence_item e, evidence_item l"
                            + " where e.id = :e and l.id = :l"
                            + " on conflict (evidence_id, earlier_id) do nothing")
                    .bind("e", f.evidenceId())
                    .bind("l", f.earlierId())
                    .bind("verdict", f.verdict())
                    .bind("distance", f.distance())
                    .bind("is", clamp(f.itemShare()))
                    .bind("ls", clamp(f.earlierShare()))
                    .bind("by", by)
                    .execute())
        > 0;
  }

  /** The earlier items an item matched when it arrived, earliest acquisition first. */
  public List<NearDuplicate> earlierCopiesOf(long evidenceId) {
    return copies("n.earlier_id", "n.evidence_id", evidenceId);
  }

  /**
   * The items that matched this one when they arrived later, earliest acquisition first. Each row
   * is the match as recorded ({@code evidenceId} is the later item, {@code earlierId} this one),
   * but its {@code earlier*} name, hash, acquisition time and source describe the <em>other</em>
   * copy, the later item, so a page can show both sides of a match the same way.
   */
  public List<NearDuplicate> laterCopiesOf(long evidenceId) {
    return copies("n.evidence_id", "n.earlier_id", evidenceId);
  }

  /** Matches where {@code mine} is the item, each with the item at {@code other} joined. */
  private List<NearDuplicate> copies(String other, String mine, long evidenceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select n.*, l.sha256, l.original_name, l.acquired_at,"
                        + " (select c.details->>'source' from custody_event c"
                        + "   where c.evidence_id = l.id and c.action in ('acquired', 'imported')"
                        + "   order by c.log_index limit 1) as source"
                        + " from near_duplicate n join evidence_item l on l.id = "
                        + other
                        + " where "
                        + mine
                        + " = :e order by l.acquired_at, l.id")
                .bind("e", evidenceId)
                .map(
                    (rs, ctx) ->
                        new NearDuplicate(
                            rs.getLong("id"),
                            rs.getLong("evidence_id"),
                            rs.getLong("earlier_id"),
                            rs.getString("sha256"),
                            rs.getString("original_name"),
                            instant(rs.getObject("acquired_at", OffsetDateTime.class)),
                            rs.getString("source"),
                            rs.getString("verdict"),
                            rs.getInt("distance"),
                            rs.getDouble("item_share"),
                            rs.getDouble("earlier_share"),
                            rs.getLong("seen_first_id"),
                            instant(rs.getObject("recorded_at", OffsetDateTime.class)),
                            rs.getString("recorded_by")))
                .list());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }
}
