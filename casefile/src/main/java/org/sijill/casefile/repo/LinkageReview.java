package org.sijill.casefile.repo;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The review list of a linkage run: its pairs in rank order and where the review stands against the
 * decisions in force.
 */
public final class LinkageReview {
  private final Jdbi jdbi;

  public LinkageReview(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The pairs a run suggests for review, in rank order. */
  public List<LinkageRuns.ReviewPair> reviewPairs(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select left_victim_id, right_victim_id, probability, same_person,"
                        + " coalesce(draw_probability, probability) from linkage_review_pair"
                        + " where run_id = :run order by rank")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        new LinkageRuns.ReviewPair(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getDouble(3),
                            rs.getBoolean(4),
                            rs.getDouble(5)))
                .list());
  }

  /**
   * A decision a run honoured on a pair an earlier run had put up for review.
   *
   * @param drawProbability the probability that earlier run drew the pair with
   * @param merged whether that earlier run put the two records in one person
   * @param same the verdict: the same person ({@code same}) or not ({@code different})
   */
  public record ReviewedPair(double drawProbability, boolean merged, boolean same) {}

  /**
   * The {@code same} and {@code different} decisions run {@code runId} honoured, each with the pair
   * as the latest earlier run that put it up for review saw it; decisions on pairs no earlier run
   * put up for review (a person split or merged on its page) are left out, as are {@code unsure}
   * ones. In decision order.
   */
  public List<ReviewedPair> reviewedPairs(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select distinct on (d.id) d.id, d.decision, p.same_person,"
                        + " coalesce(p.draw_probability, p.probability)"
                        + " from linkage_run r"
                        + " join link_decision d on d.id = any(r.decision_ids)"
                        + " join linkage_review_pair p on p.run_id < r.id"
                        + " and least(p.left_victim_id, p.right_victim_id) = d.left_victim_id"
                        + " and greatest(p.left_victim_id, p.right_victim_id) = d.right_victim_id"
                        + " where r.id = :run and d.decision in ('same', 'different')"
                        + " order by d.id, p.run_id desc")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        new ReviewedPair(
                            rs.getDouble(4), rs.getBoolean(3), "same".equals(rs.getString(2))))
                .list());
  }

  /**
   * Where a run's review stands: the first pair in rank order with no decision in force (null when
   * none is left), how many of the run's pairs have a decision in force, and how many it has.
   */
  public record ReviewPosition(LinkageRuns.ReviewPair next, int decided, int total) {}

  /**
   * {@link ReviewPosition} of run {@code runId} in one statement: the review desk asks for it after
   * every key press, and reading the run's whole review list and every decision to find one pair
   * grows with both.
   */
  public ReviewPosition reviewPosition(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select p.left_victim_id, p.right_victim_id, p.probability, p.same_person,"
                        + " coalesce(p.draw_probability, p.probability) as draw,"
                        + " d.left_victim_id is not null as decided, count(*) over () as total,"
                        + " count(d.left_victim_id) over () as done"
                        + " from linkage_review_pair p left join link_decision_current d"
                        + " on d.left_victim_id = least(p.left_victim_id, p.right_victim_id)"
                        + " and d.right_victim_id = greatest(p.left_victim_id, p.right_victim_id)"
                        + " where p.run_id = :run order by decided, p.rank limit 1")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        new ReviewPosition(
                            rs.getBoolean("decided")
                                ? null
                                : new LinkageRuns.ReviewPair(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getDouble(3),
                                    rs.getBoolean(4),
                                    rs.getDouble("draw")),
                            rs.getInt("done"),
                            rs.getInt("total")))
                .findOne()
                .orElse(new ReviewPosition(null, 0, 0)));
  }
}
