package org.sijill.linkage.blocking;

import java.util.function.LongConsumer;

/**
 * MinHash signatures cut into LSH bands: two records share a band key with probability about
 * 1-(1-J^r)^b for a Jaccard similarity J of their shingle sets. This is the fuzzy blocking channel:
 * it pairs records whose names differ by typos in every token, which no exact key can.
 */
public final class MinHash {
  private final int bands;
  private final int rows;
  private final long[] mulA;
  private final long[] addB;

  MinHash(int bands, int rows, long seed) {
    this.bands = bands;
    this.rows = rows;
    int k = bands * rows;
    mulA = new long[k];
    addB = new long[k];
    long s = seed * 0x9E3779B97F4A7C15L + 12345;
    for (int i = 0; i < k; i++) {
      s = mix(s + i);
      mulA[i] = s | 1;
      s = mix(s);
      addB[i] = s;
    }
  }

  /** Emits one key per band for the given shingle hashes (nothing when there are none). */
  void bandKeys(int[] shingles, int count, LongConsumer keys) {
    if (count == 0) {
      return;
    }
    long[] min = new long[bands * rows];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (int s = 0; s < count; s++) {
      long x = shingles[s];
      for (int h = 0; h < min.length; h++) {
        long v = mix(x * mulA[h] + addB[h]);
        if (v < min[h]) {
          min[h] = v;
        }
      }
    }
    for (int band = 0; band < bands; band++) {
      long acc = band * 0x632BE59BD9B4E019L;
      for (int r = 0; r < rows; r++) {
        acc = mix(acc ^ min[band * rows + r]);
      }
      keys.accept(acc);
    }
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
