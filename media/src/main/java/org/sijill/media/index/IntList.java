package org.sijill.media.index;

import java.util.Arrays;

/** A growable list of ints without boxing, for candidate lists in the hot path of a query. */
final class IntList {
  private int[] a = new int[16];
  private int n;

  void add(int v) {
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    a[n++] = v;
  }

  int size() {
    return n;
  }

  int get(int i) {
    return a[i];
  }

  /** Sorts and removes repeats in place. */
  void sortDistinct() {
    Arrays.sort(a, 0, n);
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (w == 0 || a[i] != a[w - 1]) {
        a[w++] = a[i];
      }
    }
    n = w;
  }
}
