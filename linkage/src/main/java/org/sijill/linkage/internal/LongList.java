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

  /** The values ascending, as a trimmed array (the list's order changes). */
  public long[] sorted() {
    if (n < RADIX_FROM) {
      Arrays.parallelSort(a, 0, n);
      return Arrays.copyOf(a, n);
    }
    return radixSorted(a, n);
  }

  /** From this many values {@link #sorted} sorts by radix. */
  static final int RADIX_FROM = 1 << 16;

  private static final int BITS = 11;

  /**
   * The first {@code n} values of {@code a} ascending (signed order), in a new array: a
   * least-significant-digit radix sort, 11 bits a pass, passes whose digit all values share
   * skipped. Why: blocking's tens of millions of keys were sorted by {@code Arrays.parallelSort},
   * about a seventh of a 1M run's blocking samples; six passes of counting and moving do less work
   * on both cores' worth of it, on one. The result is the same array any sort gives.
   */
  static long[] radixSorted(long[] a, int n) {
    int passes = (64 + BITS - 1) / BITS;
    int radix = 1 << BITS;
    int[][] count = new int[passes][radix];
    for (int i = 0; i < n; i++) {
      long v = a[i] ^ Long.MIN_VALUE; // signed order as unsigned
      for (int p = 0; p < passes; p++) {
        count[p][(int) (v >>> (p * BITS)) & (radix - 1)]++;
      }
    }
    long[] src = a;
    long[] dst = new long[n];
    boolean copied = false; // whether src is a new array (else the list's own)
    for (int p = 0; p < passes; p++) {
      int[] c = count[p];
      int shift = p * BITS;
      if (c[(int) ((a[0] ^ Long.MIN_VALUE) >>> shift) & (radix - 1)] == n) {
        continue; // every value has this digit: the pass would move nothing
      }
      int sum = 0;
      for (int d = 0; d < radix; d++) {
        int k = c[d];
        c[d] = sum;
        sum += k;
      }
      for (int i = 0; i < n; i++) {
        long v = src[i];
        dst[c[(int) ((v ^ Long.MIN_VALUE) >>> shift) & (radix - 1)]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = copied ? t : new long[n];
      copied = true;
    }
    return copied ? src : Arrays.copyOf(a, n);
  }
}
