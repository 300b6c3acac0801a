package org.sijill.linkage.pairs;

import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Runs work on each of a run's candidate pairs grouped by the pair's first record, the records
 * taken in their sort order (name skeletons, then first date: {@link Prepared#sortOrder()}).
 *
 * <p>Why: comparing a pair reads both records' prepared values, and a candidate's partner is a
 * record anywhere in the list. Taken in index order, the partners of one record and of the next
 * have nothing in common, and at a million records nearly every read of a partner's values missed
 * the caches. Records that sort together share names, so they share most of their candidates, and a
 * partner's values read for one record are still cached for the next. Each pair's result depends
 * only on the pair and is written at the pair's own index, so the order changes no result.
 */
final class RecordOrder {
  private RecordOrder() {}

  /** Pairs done between two progress reports. */
  private static final int CHUNK = 1 << 16;

  /**
   * Calls {@code work} with the index of every pair of {@code pairs}, on all cores, telling {@code
   * done} how many are done as it goes. Pairs not sorted by first record are taken in index order.
   */
  static void forEachPair(Prepared p, long[] pairs, LongConsumer done, IntConsumer work) {
    int n = p.size();
    int[] first = firstPairs(pairs, n);
    if (first == null) {
      for (int from = 0; from < pairs.length; from += CHUNK) {
        int to = Math.min(pairs.length, from + CHUNK);
        IntStream.range(from, to).parallel().forEach(work);
        done.accept(to);
      }
      return;
    }
    int[] order = p.sortOrder();
    long doneSoFar = 0;
    int r = 0;
    while (r < n) {
      int e = r;
      long count = 0;
      while (e < n && count < CHUNK) {
        int a = order[e++];
        count += first[a + 1] - first[a];
      }
      IntStream.range(r, e)
          .parallel()
          .forEach(
              k -> {
                int a = order[k];
                for (int i = first[a]; i < first[a + 1]; i++) {
                  work.accept(i);
                }
              });
      doneSoFar += count;
      done.accept(doneSoFar);
      r = e;
    }
  }

  /**
   * Where each record's pairs start ({@code first[r] .. first[r + 1]}), or null when the pairs are
   * not sorted by first record.
   */
  private static int[] firstPairs(long[] pairs, int n) {
    int[] first = new int[n + 1];
    int previous = 0;
    for (long x : pairs) {
      int a = (int) (x >>> 32);
      if (a < previous || a >= n) {
        return null;
      }
      previous = a;
      first[a + 1]++;
    }
    for (int r = 0; r < n; r++) {
      first[r + 1] += first[r];
    }
    return first;
  }
}
