package org.sijill.casefile.model;

import java.time.LocalDate;

/**
 * A figure somebody published ("at least 1,300 killed"), kept with what archives it. {@code
 * statedAs} is the figure in the claimant's words and {@code figure} the number it names, both null
 * for claims recorded before the desk asked for them.
 */
public record PublicClaim(
    long id,
    int version,
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
    String quote,
    String statedAs,
    Integer figure) {

  /** "at least 1,300", "about 9,000", "1,200–1,500". */
  public String figureText() {
    String low = String.format(java.util.Locale.ROOT, "%,d", figureLow);
    if (figureHigh != null && figureHigh != figureLow) {
      return qualifier.replace('_', ' ')
          + " "
          + low
          + "–"
          + String.format(java.util.Locale.ROOT, "%,d", figureHigh);
    }
    return qualifier.replace('_', ' ') + " " + low;
  }
}
