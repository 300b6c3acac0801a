package org.sijill.media.index;

import java.util.Arrays;

/**
 * Multi-index hashing tables (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with
 * Multi-Index Hashing", CVPR 2012) for exact radius search over 256-bit hashes.
 *
 * <p>Why it is exact: the 256 bits are cut into {@code m} disjoint chunks. If two hashes differ in
 * at most {@code r} bits, at least one chunk differs in at most {@code floor(r/m)} bits
 * (pigeonhole). So probing, in every chunk table, the query's chunk value and all values within
 * {@code floor(r/m)} bits of it finds every hash within {@code r} — then each candidate's full
 * distance is checked.
 *
 * <p>Why the chunk width grows with the index: the cost of a query is the number of probes plus the
 * number of candidates, and a candidate costs a cache miss. With 16-bit chunks (m = 16, one bit per
 * chunk at r = 31, 272 probes) a bucket holds n/65,536 hashes: 150 at ten million, 41,000
 * candidates per query. Chunks of about log2(n) bits (23–24 bits and m = 11 at ten million, two
 * bits per chunk, about 3,300 probes) keep about one hash per bucket. Each table is a
 * counting-sorted array of hash numbers with {@code 2^width + 1} offsets, so a bucket is a
 * contiguous slice and building is two linear passes.
 */
final class ChunkTables {
  static final int MAX_RADIUS = 31;

  private final int chunks;
  private final int[] start;
  private final int[] width;
  private final int[][] offsets;
  private final int[][] ids;
  private final int size;

  /** Tables with a chunk width suited to {@code size} hashes. */
  ChunkTables(long[] words, int size) {
    this(words, size, widthFor(size));
  }

  /** Tables with chunks of about {@code bits} bits (16–24). */
  ChunkTables(long[] words, int size, int bits) {
    this.size = size;
    this.chunks = (256 + bits - 1) / bits;
    this.start = new int[chunks];
    this.width = new int[chunks];
    int base = 256 / chunks;
    int wider = 256 % chunks;
    for (int c = 0, s = 0; c < chunks; c++) {
      width[c] = base + (c < wider ? 1 : 0);
      start[c] = s;
      s += width[c];
    }
    offsets = new int[chunks][];
    ids = new int[chunks][];
    for (int c = 0; c < chunks; c++) {
      int buckets = 1 << width[c];
      int[] off = new int[buckets + 1];
      for (int id = 0; id < size; id++) {
        off[value(words, id * 4, c) + 1]++;
      }
      for (int v = 0; v < buckets; v++) {
        off[v + 1] += off[v];
      }
      int[] fill = Arrays.copyOf(off, buckets);
      int[] list = new int[size];
      for (int id = 0; id < size; id++) {
        list[fill[value(words, id * 4, c)]++] = id;
      }
      offsets[c] = off;
      ids[c] = list;
    }
  }

  /** About log2(size) bits, at least 16, at most 24 (so that m = 11 keeps two bits a chunk). */
  static int widthFor(int size) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
    return Math.max(16, Math.min(24, bits));
  }

  int size() {
    return size;
  }

  int chunks() {
    return chunks;
  }

  private int value(long[] words, int base, int c) {
    int s = start[c];
    int wi = s >>> 6;
    int bi = s & 63;
    long v = words[base + wi] >>> bi;
    if (bi + width[c] > 64) {
      v |= words[base + wi + 1] << (64 - bi);
    }
    return (int) (v & ((1L << width[c]) - 1));
  }

  /** Adds to {@code out} every indexed id within {@code radius} of the query (may repeat). */
  void search(long[] words, long[] q, int radius, IntList out) {
    int per = radius / chunks;
    for (int c = 0; c < chunks; c++) {
      int v = value(q, 0, c);
      int w = width[c];
      scan(words, c, v, q, radius, out);
      if (per >= 1) {
        for (int i = 0; i < w; i++) {
          int v1 = v ^ (1 << i);
          scan(words, c, v1, q, radius, out);
          if (per >= 2) {
            for (int j = i + 1; j < w; j++) {
              int v2 = v1 ^ (1 << j);
              scan(words, c, v2, q, radius, out);
              if (per >= 3) {
                for (int k = j + 1; k < w; k++) {
                  scan(words, c, v2 ^ (1 << k), q, radius, out);
                }
              }
            }
          }
        }
      }
      if (per > 3) {
        throw new IllegalStateException("radius " + radius + " needs more chunks");
      }
    }
  }

  private void scan(long[] words, int c, int v, long[] q, int radius, IntList out) {
    int[] list = ids[c];
    int[] off = offsets[c];
    long q0 = q[0];
    long q1 = q[1];
    long q2 = q[2];
    long q3 = q[3];
    for (int p = off[v], end = off[v + 1]; p < end; p++) {
      int id = list[p];
      int base = id * 4;
      int d =
          Long.bitCount(words[base] ^ q0)
              + Long.bitCount(words[base + 1] ^ q1)
              + Long.bitCount(words[base + 2] ^ q2)
              + Long.bitCount(words[base + 3] ^ q3);
      if (d <= radius) {
        out.add(id);
      }
    }
  }
}
