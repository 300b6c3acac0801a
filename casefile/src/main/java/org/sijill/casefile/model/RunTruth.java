package org.sijill.casefile.model;

/**
 * How a linkage run scored against a ground truth its lists carry (a column naming each record's
 * true person; generated lists only), over the records that have a value there.
 *
 * @param truthColumn the column read
 * @param records the records of the run with a true person
 * @param truePersons distinct true persons among them
 * @param truePairs pairs of those records that are one true person
 * @param truePairsCompared how many of the true pairs blocking made candidate pairs
 * @param linkedPairs pairs of those records the run's persons put together
 * @param linkedPairsTrue how many of the linked pairs are true pairs
 */
public record RunTruth(
    String truthColumn,
    int records,
    int truePersons,
    long truePairs,
    long truePairsCompared,
    long linkedPairs,
    long linkedPairsTrue) {

  /** True pairs blocking compared, of all true pairs (1 when there are none). */
  public double blockingRecall() {
    return truePairs == 0 ? 1 : (double) truePairsCompared / truePairs;
  }

  /** Linked pairs that are true pairs, of all linked pairs (1 when none were linked). */
  public double precision() {
    return linkedPairs == 0 ? 1 : (double) linkedPairsTrue / linkedPairs;
  }

  /** True pairs the run linked, of all true pairs (1 when there are none). */
  public double recall() {
    return truePairs == 0 ? 1 : (double) linkedPairsTrue / truePairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
