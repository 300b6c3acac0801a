package org.sijill.linkage.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Distinct comparison vectors ({@link Patterns}) with a count each, in an open-addressing table of
 * primitive longs. Why not {@code HashMap<Long, …>}: it runs once per candidate pair (10^8 at a
 * million records), boxing each key, and {@link Long#hashCode} of a packed vector keeps only its
 * low bits after the table mask, so vectors differing in the last fields fell into the same bins
 * and the bins turned into trees.
 */
public final class PatternCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final long EMPTY = -1L; // no vector has every bit set

  private long[] keys;
  private double[] counts;
  private int size;

  public PatternCounts() {
    keys = new long[1 << 12];
    java.util.Arrays.fill(keys, EMPTY);
    counts = new double[keys.length];
  }

  public int size() {
    return size;
  }

  public void add(long pattern, double count) {
    int i = slot(keys, pattern);
    if (keys[i] == EMPTY) {
      keys[i] = pattern;
      size++;
      if (2 * size > keys.length) {
        counts[i] += count;
        grow();
        return;
      }
    }
    counts[i] += count;
  }

  /** The count of a vector, 0 when absent. */
  public double count(long pattern) {
    int i = slot(keys, pattern);
    return keys[i] == EMPTY ? 0 : counts[i];
  }

  /** The distinct vectors with their counts, as {@link FellegiSunter#fit} takes them. */
  public Map<Long, double[]> toMap() {
    Map<Long, double[]> m = new HashMap<>(2 * size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        m.put(keys[i], new double[] {counts[i]});
      }
    }
    return m;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    java.util.Arrays.fill(keys, EMPTY);
    counts = new double[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int j = slot(keys, oldKeys[i]);
        keys[j] = oldKeys[i];
        counts[j] = oldCounts[i];
      }
    }
  }

  private static int slot(long[] keys, long pattern) {
    int mask = keys.length - 1;
    int i = (int) mix(pattern) & mask;
    while (keys[i] != EMPTY && keys[i] != pattern) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The finaliser of MurmurHash3: every input bit moves about half of the output bits. */
  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb93fe1ca6b87L;
    x ^= x >>> 33;
    return x;
  }
}
