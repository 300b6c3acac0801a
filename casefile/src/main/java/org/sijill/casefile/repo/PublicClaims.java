package org.sijill.casefile.repo;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.PublicClaim;

/** Published figures ("at least 1,300", "9,000"), kept beside the evidence that archives them. */
public final class PublicClaims {
  private final Jdbi jdbi;

  public PublicClaims(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What to store for a new published figure. */
  public record NewPublicClaim(
      String claimant,
      Long sourceId,
      LocalDate claimedOn,
      int figureLow,
      Integer figureHigh,
      String qualifier,
      String category,
      String scope,
      Long locationId,
      LocalDate periodStart,
      LocalDate periodEnd,
      Long evidenceId,
      String quote) {}

  public long add(NewPublicClaim c, String by) {
    return add(c, null, null, by);
  }

  /**
   * Records a published figure with the words it was stated in ("about 9,000") and the number they
   * name; returns its id.
   */
  public long add(NewPublicClaim c, String statedAs, Integer figure, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into public_claim (claimant, source_id, claimed_on, figure_low,"
                        + " figure_high, qualifier, category, scope, location_id, period_start,"
                        + " period_end, evidence_id, quote, stated_as, figure, recorded_by) values"
                        + " (:claimant, :sourceId, :claimedOn, :figureLow, :figureHigh,"
                        + " :qualifier, :category, :scope, :locationId, :periodStart, :periodEnd,"
                        + " :evidenceId, :quote, :statedAs, :figure, :by)")
                .bindMethods(c)
                .bind("statedAs", statedAs)
                .bind("figure", figure)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public List<PublicClaim> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from public_claim_current order by claimed_on, id")
                .mapTo(PublicClaim.class)
                .list());
  }

  public java.util.Optional<PublicClaim> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from public_claim_current where id = :id")
                .bind("id", id)
                .mapTo(PublicClaim.class)
                .findOne());
  }
}
