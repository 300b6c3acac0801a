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

  /** Partners whose values are read ahead at once ({@link Touch}). */
  private static final int TOUCHED = 256;

  /**
   * Fewer records than this are compared without reading ahead: their values fit the caches anyway
   * (FEBRL's 10,000 records), and the extra pass would only add work.
   */
  static final int TOUCH_FROM = 50_000;

  /** Written only when the reads of {@link Prepared#touchPartners} sum to an unlikely value. */
  @SuppressWarnings("unused")
  private static volatile long sink;

  /**
   * Reads the partners' values the work will read for the pairs {@code from..to} of one record and
   * returns any value made of them ({@link Prepared#touchPartners}).
   */
  interface Touch {
    long partners(int from, int to);
  }

  /**
   * Calls {@code work} with the index of every pair of {@code pairs}, on all cores, telling {@code
   * done} how many are done as it goes. Pairs not sorted by first record are taken in index order.
   * With {@code touch} (or null), the values of a record's partners that {@code work} reads are
   * read in one pass before it compares them, a few hundred partners at a time. Why: the partners
   * lie anywhere in the heap, and comparing one pair after another met their cache misses one at a
   * time; read in a tight loop of independent loads, they are fetched many at once and the
   * comparisons then find them cached. No result changes. Not below {@link #TOUCH_FROM} records.
   */
  static void forEachPair(
      Prepared p, long[] pairs, LongConsumer done, IntConsumer work, Touch ahead) {
    forEachPair(p, pairs, done, work, ahead, TOUCH_FROM);
  }

  /** As above, reading ahead from {@code touchFrom} records on (tests use 0). */
  static void forEachPair(
      Prepared p, long[] pairs, LongConsumer done, IntConsumer work, Touch ahead, int touchFrom) {
    int n = p.size();
    Touch touch = n < touchFrom ? null : ahead;
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
                if (touch == null) {
                  for (int i = first[a]; i < first[a + 1]; i++) {
                    work.accept(i);
                  }
                  return;
                }
                // a few hundred partners at a time: what is read stays cached until compared
                for (int from = first[a]; from < first[a + 1]; from += TOUCHED) {
                  int to = Math.min(first[a + 1], from + TOUCHED);
                  if (touch.partners(from, to) == 0x5EED_5EED_5EED_5EEDL) {
                    sink = a;
                  }
                  for (int i = from; i < to; i++) {
                    work.accept(i);
                  }
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
