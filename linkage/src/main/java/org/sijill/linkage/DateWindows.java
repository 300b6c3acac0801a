package org.sijill.linkage;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sijill.linkage.compare.DateComparator;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.pairs.Prepared;

/**
 * The records EM fits m on when the lists are large: those whose date of death lies in a random set
 * of {@value #WINDOW_DAYS}-day windows holding about {@link #DENSE_RECORDS} records.
 */
final class DateWindows {
  /**
   * Most records EM fits m on. On larger lists m is fitted on the records whose date of death lies
   * in a random set of 30-day windows holding about this many records, and only λ, u and h on all.
   * Why: true pairs grow as the records, but candidate pairs of namesakes who share name, mother
   * and town on another day grow as the records times their density, and past ~100k records on the
   * countrywide synthetic lists EM took them for the match class (m of "date further apart" 0.003
   * at 10k, 0.75 at 300k). Inside a set of windows a true pair (one day of death) stays with the
   * share of days kept, a pair on two different days with its square: the windows keep the density
   * of such namesakes that of a list of this size, where the match class is the same person.
   */
  static final int DENSE_RECORDS = 50_000;

  private static final int WINDOW_DAYS = 30;

  private DateWindows() {}

  /**
   * The records whose first date field falls in a random set of {@link #WINDOW_DAYS}-day windows (a
   * partial date: any of its days) holding at least {@code denseRecords} records, in order; null
   * when the lists are no larger than twice that, have no date field, or too few dates.
   */
  static int[] sample(Prepared prepared, int denseRecords, long seed) {
    Records records = prepared.records;
    if (records.size <= 2 * denseRecords) {
      return null;
    }
    DateComparator date = null;
    for (FieldComparator c : prepared.comps) {
      if (c instanceof DateComparator d) {
        date = d;
        break;
      }
    }
    if (date == null) {
      return null;
    }
    int[][] span = new int[records.size][];
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = 0; i < records.size; i++) {
      span[i] = date.span(i);
      if (span[i] != null) {
        lo = Math.min(lo, span[i][0]);
        hi = Math.max(hi, span[i][1]);
      }
    }
    if (lo > hi) {
      return null;
    }
    int windows = (hi - lo) / WINDOW_DAYS + 1;
    long[] perWindow = new long[windows];
    for (int[] sp : span) {
      if (sp != null) {
        perWindow[(sp[0] - lo) / WINDOW_DAYS]++;
      }
    }
    int[] order = IntStream.range(0, windows).toArray();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = windows - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    boolean[] kept = new boolean[windows];
    long held = 0;
    for (int k = 0; k < windows && held < denseRecords; k++) {
      kept[order[k]] = true;
      held += perWindow[order[k]];
    }
    if (held < denseRecords) {
      return null;
    }
    IntStream.Builder out = IntStream.builder();
    for (int i = 0; i < records.size; i++) {
      if (span[i] == null) {
        continue;
      }
      for (int w = (span[i][0] - lo) / WINDOW_DAYS; w <= (span[i][1] - lo) / WINDOW_DAYS; w++) {
        if (kept[w]) {
          out.add(i);
          break;
        }
      }
    }
    int[] sub = out.build().toArray();
    return sub.length > records.size / 2 ? null : sub;
  }
}
