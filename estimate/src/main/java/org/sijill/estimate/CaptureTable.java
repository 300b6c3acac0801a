package org.sijill.estimate;

import java.util.List;

/**
 * Counts of people by capture pattern over {@code t} lists (2 to 15). Pattern {@code p} is a bit
 * mask: bit {@code i} set means "on list {@code i}". Pattern 0 (on no list) is unobservable and
 * always holds 0.
 */
public final class CaptureTable {
  /** The most lists a table may hold: 2^15 - 1 observable cells. */
  public static final int MAX_LISTS = 15;

  private final List<String> lists;
  private final long[] counts;

  private CaptureTable(List<String> lists, long[] counts) {
    this.lists = List.copyOf(lists);
    this.counts = counts;
  }

  /**
   * A table from list names and counts indexed by pattern ({@code counts.length == 2^t}); {@code
   * counts[0]} is ignored.
   *
   * @throws IllegalArgumentException when the shape is wrong, a count is negative or a list
   *     captures nobody
   */
  public static CaptureTable of(List<String> lists, long[] counts) {
    int t = lists.size();
    if (t < 2 || t > MAX_LISTS) {
      throw new IllegalArgumentException(
          "need 2 to " + MAX_LISTS + " lists, got " + t + " " + lists);
    }
    if (counts.length != 1 << t) {
      throw new IllegalArgumentException("expected " + (1 << t) + " cells, got " + counts.length);
    }
    long[] copy = counts.clone();
    copy[0] = 0;
    for (long c : copy) {
      if (c < 0) {
        throw new IllegalArgumentException("negative count " + c);
      }
    }
    CaptureTable table = new CaptureTable(lists, copy);
    for (int i = 0; i < t; i++) {
      if (table.onList(i) == 0) {
        throw new IllegalArgumentException("list " + lists.get(i) + " captures nobody");
      }
    }
    return table;
  }

  public List<String> lists() {
    return lists;
  }

  public int listCount() {
    return lists.size();
  }

  /** Number of people with exactly this capture pattern. */
  public long count(int pattern) {
    return counts[pattern];
  }

  /** Number of documented (observed) people: the sum over all observable patterns. */
  public long documented() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  /** Number of people on list {@code i}, alone or with others. */
  public long onList(int i) {
    long s = 0;
    for (int p = 1; p < counts.length; p++) {
      if ((p & (1 << i)) != 0) {
        s += counts[p];
      }
    }
    return s;
  }

  /** Number of people on both lists {@code i} and {@code j}. */
  public long onBoth(int i, int j) {
    int m = (1 << i) | (1 << j);
    long s = 0;
    for (int p = 1; p < counts.length; p++) {
      if ((p & m) == m) {
        s += counts[p];
      }
    }
    return s;
  }

  /** Number of lists that hold at least one record. */
  public int listsWithRecords() {
    int k = 0;
    for (int i = 0; i < lists.size(); i++) {
      if (onList(i) > 0) {
        k++;
      }
    }
    return k;
  }

  /**
   * The same people over only the lists that hold records (a stratum often misses some lists).
   * Returns this table when every list holds records.
   */
  public CaptureTable withoutEmptyLists() {
    int t = lists.size();
    java.util.List<Integer> keep = new java.util.ArrayList<>();
    for (int i = 0; i < t; i++) {
      if (onList(i) > 0) {
        keep.add(i);
      }
    }
    if (keep.size() == t) {
      return this;
    }
    long[] c = new long[1 << keep.size()];
    for (int p = 1; p < counts.length; p++) {
      int q = 0;
      for (int k = 0; k < keep.size(); k++) {
        if ((p & (1 << keep.get(k))) != 0) {
          q |= 1 << k;
        }
      }
      c[q] += counts[p];
    }
    return new CaptureTable(keep.stream().map(lists::get).toList(), c);
  }

  /** A table that may hold lists without records (strata); validated by the caller. */
  static CaptureTable unchecked(List<String> lists, long[] counts) {
    long[] copy = counts.clone();
    copy[0] = 0;
    return new CaptureTable(lists, copy);
  }

  /** Counts of the observable cells as doubles, index {@code p - 1} for pattern {@code p}. */
  public double[] observedCells() {
    double[] y = new double[counts.length - 1];
    for (int p = 1; p < counts.length; p++) {
      y[p - 1] = counts[p];
    }
    return y;
  }

  /** Number of observable cells, {@code 2^t - 1}. */
  int cellCount() {
    return counts.length - 1;
  }
}
