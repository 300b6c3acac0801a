package org.sijill.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A growable array of primitive longs, read back as a boxed iterator for Spark. */
final class LongBuffer {
  private long[] a = new long[64];
  private int n;

  void add(long v) {
    if (n == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[n++] = v;
  }

  int size() {
    return n;
  }

  long get(int i) {
    return a[i];
  }

  void clear() {
    n = 0;
  }

  /** The backing array: valid up to {@link #size()}. */
  long[] array() {
    return a;
  }

  long[] toArray() {
    return Arrays.copyOf(a, n);
  }

  Iterator<Long> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public Long next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        return a[i++];
      }
    };
  }
}
