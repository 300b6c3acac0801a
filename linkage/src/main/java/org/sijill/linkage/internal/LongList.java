package org.sijill.linkage.internal;

import java.util.Arrays;

/** A growable array of primitive longs: blocking handles tens of millions of keys and pairs. */
public final class LongList {
  private long[] a;
  private int n;

  public LongList(int capacity) {
    a = new long[Math.max(16, capacity)];
  }

  public void add(long v) {
    if (n == a.length) {
      a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, a.length * 3L / 2 + 16));
    }
    a[n++] = v;
  }

  /** Appends every value of {@code other}. */
  public void addAll(LongList other) {
    if (n + other.n > a.length) {
      a = Arrays.copyOf(a, n + other.n);
    }
    System.arraycopy(other.a, 0, a, n, other.n);
    n += other.n;
  }

  /** Empties the list, keeping its capacity. */
  public void clear() {
    n = 0;
  }

  public int size() {
    return n;
  }

  public long get(int i) {
    return a[i];
  }

  /** Sorts and removes duplicates in place; returns the distinct values as a trimmed array. */
  public long[] sortedDistinct() {
    Arrays.parallelSort(a, 0, n);
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (w == 0 || a[w - 1] != a[i]) {
        a[w++] = a[i];
      }
    }
    long[] out = Arrays.copyOf(a, w);
    a = new long[16];
    n = 0;
    return out;
  }

  /** The backing array: the values are its first {@link #size()}. */
  long[] array() {
    return a;
  }

  /** Empties the list and lets its memory go. */
  void release() {
    a = new long[16];
    n = 0;
  }

  /** The values in insertion order, as a trimmed array. */
  public long[] toArray() {
    return Arrays.copyOf(a, n);
  }

  public long[] sorted() {
    Arrays.parallelSort(a, 0, n);
    return Arrays.copyOf(a, n);
  }
}
