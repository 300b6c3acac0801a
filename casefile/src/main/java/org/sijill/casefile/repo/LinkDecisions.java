package org.sijill.casefile.repo;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sijill.casefile.model.LinkDecision;

/**
 * Review decisions on pairs of records (same, different, unsure), appended and never changed; the
 * newest decision on a pair is the one in force, and linkage runs honour those.
 */
public final class LinkDecisions {
  private final Jdbi jdbi;

  public LinkDecisions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A decision to record: two stored records and {@code same|different|unsure}. */
  public record NewDecision(long victimA, long victimB, String decision, String origin) {}

  /**
   * Records review decisions, all or none. The pair is stored in id order; the newest decision on a
   * pair is the one in force.
   *
   * @return the new decisions' ids
   */
  public List<Long> decide(List<NewDecision> decisions, String decidedBy) {
    if (decisions.isEmpty()) {
      return List.of();
    }
    return jdbi.inTransaction(
        h -> {
          PreparedBatch b =
              h.prepareBatch(
                  "insert into link_decision (left_victim_id, right_victim_id, decision,"
                      + " decided_by, origin, recorded_by) values (:l, :r, :d, :by, :origin,"
                      + " :by)");
          for (NewDecision d : decisions) {
            if (d.victimA() == d.victimB()) {
              throw new IllegalArgumentException(
                  (d.origin() == null ? "" : d.origin() + ": ") + "a record paired with itself");
            }
            b.bind("l", Math.min(d.victimA(), d.victimB()))
                .bind("r", Math.max(d.victimA(), d.victimB()))
                .bind("d", d.decision())
                .bind("by", decidedBy)
                .bind("origin", d.origin())
                .add();
          }
          return b.executePreparedBatch("id").mapTo(Long.class).list();
        });
  }

  /** The decisions in force (the newest per pair), oldest first. */
  public List<LinkDecision> decisions() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from link_decision_current order by id")
                .mapTo(LinkDecision.class)
                .list());
  }

  /** Every decision recorded with this origin (not only those in force), oldest first. */
  public List<LinkDecision> decisionsFrom(String origin) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from link_decision where origin = :origin order by id")
                .bind("origin", origin)
                .mapTo(LinkDecision.class)
                .list());
  }
}
