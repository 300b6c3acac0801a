package org.sijill.linkage.pairs;

import java.util.Map;
import org.sijill.linkage.model.PatternCounts;

/**
 * Candidate pairs that an engine keeps where it computed them (on Spark's executors) instead of
 * handing every pair and its comparison vector to the {@link org.sijill.linkage.Linker}: the linker
 * asks only for what the model and the clustering read — counts of comparison vectors, which of a
 * few random pairs are candidates, the pairs likely enough to matter after scoring, and the pairs
 * inside the groups the clustering contracts. At a million records that is a few million pairs
 * instead of a hundred million.
 */
public interface KeptPairs {

  /** Comparison vectors of some candidate pairs with their counts, and how many pairs they are. */
  record Counted(PatternCounts counts, long pairs) {}

  /** Sorted pairs ({@code i << 32 | j}) with their match log-odds. */
  record Scored(long[] pairs, float[] logit) {}

  /** Number of distinct candidate pairs. */
  long count();

  /** Pairs emitted and skipped per blocking key. */
  Map<String, long[]> perKey();

  /**
   * The comparison vectors of the candidate pairs whose two records are both in {@code in} (null:
   * all pairs), counted. Each distinct vector is added once with its whole count, in the order of
   * its first pair in sorted pair order: the table is then laid out as if every pair were added in
   * order, and EM reads the vectors in the same order as the single-machine engine's.
   */
  Counted counts(boolean[] in);

  /** The candidate pairs among {@code keys} (sorted, distinct), sorted. */
  long[] among(long[] keys);

  /**
   * Scores every candidate pair where it is kept and returns those with log-odds at least {@code
   * atLeast}, sorted. {@link #within} uses the same scores.
   */
  Scored scored(PairScores scores, double atLeast);

  /**
   * The candidate pairs whose two records carry the same {@code group} number (not negative),
   * sorted, with their log-odds by the scores of the last {@link #scored} call.
   */
  Scored within(int[] group);
}
