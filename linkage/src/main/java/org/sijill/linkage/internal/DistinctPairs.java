package org.sijill.linkage.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Record pairs {@code i << 32 | j} ({@code 0 <= i < j < records}) made sorted and distinct by
 * bucketing on the first record rather than by sorting the longs.
 *
 * <p>Why: blocking emits each candidate pair once per block that holds it (about 1.25 times per
 * distinct pair), 250 million longs at a million records. Sorting them all was a third of
 * blocking's time and, with the sort's own buffer of the same size, its largest use of memory. A
 * counting pass per first record leaves only each record's partners to sort (a hundred or so, kept
 * as ints: half the memory of the longs), and the result is the same array a sort would give.
 */
public final class DistinctPairs {
  private DistinctPairs() {}

  /**
   * The distinct values of {@code pairs}, ascending; empties {@code pairs} (its memory is released
   * before the result is built).
   *
   * @param records bound of both records of every pair
   */
  public static long[] of(LongList pairs, int records) {
    return of(records, pairs);
  }

  /**
   * The distinct values of all {@code lists}, ascending; empties each list (its memory is released
   * as soon as its pairs are bucketed).
   *
   * @param records bound of both records of every pair
   */
  public static long[] of(int records, LongList... lists) {
    // both passes over the pairs on all cores, each thread the pairs whose first record is in its
    // range of records: every thread reads every list (in order, cheap) but writes only its own
    // counts and buckets (the random writes are the cost); a bucket's order is undone by the sort
    // below, so the result is the same. On one core, the two passes were a tenth of a 1M run.
    int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    int ranges = records < 4096 ? 1 : threads;
    int[] start = new int[records + 1];
    long size = 0;
    for (LongList l : lists) {
      size += l.size();
    }
    IntStream.range(0, ranges)
        .parallel()
        .forEach(
            t -> {
              int lo = bound(records, t, ranges);
              int hi = bound(records, t + 1, ranges);
              for (LongList l : lists) {
                long[] in = l.array();
                for (int k = 0, n = l.size(); k < n; k++) {
                  int a = (int) (in[k] >>> 32);
                  if (a >= lo && a < hi) {
                    start[a + 1]++;
                  }
                }
              }
            });
    for (int r = 0; r < records; r++) {
      start[r + 1] += start[r];
    }
    int[] next = Arrays.copyOf(start, records);
    int[] partner = new int[Math.toIntExact(size)];
    for (LongList l : lists) {
      long[] in = l.array();
      int n = l.size();
      IntStream.range(0, ranges)
          .parallel()
          .forEach(
              t -> {
                int lo = bound(records, t, ranges);
                int hi = bound(records, t + 1, ranges);
                for (int k = 0; k < n; k++) {
                  long v = in[k];
                  int a = (int) (v >>> 32);
                  if (a >= lo && a < hi) {
                    partner[next[a]++] = (int) v;
                  }
                }
              });
      l.release(); // the longs may go now: the partners hold the pairs
    }
    int parts = Math.max(1, Math.min(64, records / 4096));
    int[] distinct = new int[records];
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              int from = bound(records, p, parts);
              int to = bound(records, p + 1, parts);
              Runs runs = new Runs();
              for (int r = from; r < to; r++) {
                int a = start[r];
                int b = start[r + 1];
                runs.sort(partner, a, b);
                int w = a;
                for (int k = a; k < b; k++) {
                  if (w == a || partner[w - 1] != partner[k]) {
                    partner[w++] = partner[k];
                  }
                }
                distinct[r] = w - a;
              }
            });
    long total = 0;
    for (int d : distinct) {
      total += d;
    }
    long[] out = new long[Math.toIntExact(total)];
    int[] at = new int[parts + 1];
    for (int p = 0; p < parts; p++) {
      int from = bound(records, p, parts);
      int to = bound(records, p + 1, parts);
      int sum = at[p];
      for (int r = from; r < to; r++) {
        sum += distinct[r];
      }
      at[p + 1] = sum;
    }
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              int from = bound(records, p, parts);
              int to = bound(records, p + 1, parts);
              int w = at[p];
              for (int r = from; r < to; r++) {
                long hi = (long) r << 32;
                for (int k = start[r]; k < start[r] + distinct[r]; k++) {
                  out[w++] = hi | partner[k];
                }
              }
            });
    return out;
  }

  /**
   * Sorts a record's partners by merging the ascending runs they arrive in. Why: a block emits its
   * pairs in record order, so each block that holds a record adds one ascending run of its partners
   * (ten or twenty runs for a hundred or two partners), and merging them did less work than sorting
   * from scratch, which was a sixth of a 1M run's blocking samples. Many short runs (the sorted
   * neighbourhood emits in rank order) are sorted as before. The same ints in the same order: a
   * sort's result does not depend on how it sorts.
   */
  static final class Runs {
    private int[] buffer = new int[256];
    private int[] starts = new int[64];

    void sort(int[] a, int from, int to) {
      int n = to - from;
      if (n < 2) {
        return;
      }
      int count = 0;
      for (int i = from; i < to; i++) {
        if (i == from || a[i] < a[i - 1]) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i - from;
          if (count > 2 + n / 8) {
            Arrays.sort(a, from, to); // short runs: merging them gains nothing
            return;
          }
        }
      }
      if (count == 1) {
        return;
      }
      if (buffer.length < n) {
        buffer = new int[Math.max(n, buffer.length * 2)];
      }
      // bottom-up: merge runs two by two from one array into the other until one run is left
      int[] src = a;
      int srcAt = from;
      int[] dst = buffer;
      int dstAt = 0;
      while (count > 1) {
        int merged = 0;
        for (int k = 0; k < count; k += 2) {
          int lo = starts[k];
          int mid = k + 1 < count ? starts[k + 1] : n;
          int hi = k + 2 < count ? starts[k + 2] : n;
          int i = lo;
          int j = mid;
          int w = lo;
          while (i < mid && j < hi) {
            int x = src[srcAt + i];
            int y = src[srcAt + j];
            if (x <= y) {
              dst[dstAt + w++] = x;
              i++;
            } else {
              dst[dstAt + w++] = y;
              j++;
            }
          }
          while (i < mid) {
            dst[dstAt + w++] = src[srcAt + i++];
          }
          while (j < hi) {
            dst[dstAt + w++] = src[srcAt + j++];
          }
          starts[merged++] = lo;
        }
        count = merged;
        int[] t = src;
        src = dst;
        dst = t;
        int tAt = srcAt;
        srcAt = dstAt;
        dstAt = tAt;
      }
      if (src != a) {
        System.arraycopy(src, srcAt, a, from, n);
      }
    }
  }

  /** Where range {@code t} of {@code ranges} equal ranges of {@code records} records starts. */
  private static int bound(int records, int t, int ranges) {
    return (int) ((long) records * t / ranges);
  }
}
