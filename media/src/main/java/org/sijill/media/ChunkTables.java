package org.sijill.media;

/**
 * Multi-index hashing tables (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with
 * Multi-Index Hashing", CVPR 2012) for 256-bit hashes and radius up to 31.
 *
 * <p>Why 16 chunks of 16 bits: if two hashes differ in at most 31 bits, then by the pigeonhole
 * principle at least one of the 16 chunks differs in at most one bit (16 chunks x 2 bits = 32 >
 * 31). So probing, in each chunk table, the query's chunk value and its 16 one-bit neighbours finds
 * every hash within 31 bits — no approximation — with 16 x 17 = 272 bucket reads. Each table is a
 * counting-sorted array of hash numbers with 65,537 offsets (compressed rows), so a bucket is a
 * contiguous slice and building is two linear passes.
 */
final class ChunkTables {
  static final int CHUNKS = 16;
  static final int MAX_RADIUS = 31;

  private final int[][] offsets = new int[CHUNKS][];
  private final int[][] ids = new int[CHUNKS][];
  private final int size;

  /** Indexes hashes 0..size-1 stored as four words each in {@code words}. */
  ChunkTables(long[] words, int size) {
    this.size = size;
    for (int c = 0; c < CHUNKS; c++) {
      int[] off = new int[65537];
      for (int id = 0; id < size; id++) {
        off[chunk(words, id, c) + 1]++;
      }
      for (int v = 0; v < 65536; v++) {
        off[v + 1] += off[v];
      }
      int[] fill = java.util.Arrays.copyOf(off, 65536);
      int[] list = new int[size];
      for (int id = 0; id < size; id++) {
        list[fill[chunk(words, id, c)]++] = id;
      }
      offsets[c] = off;
      ids[c] = list;
    }
  }

  int size() {
    return size;
  }

  static int chunk(long[] words, int id, int c) {
    return (int) (words[id * 4 + (c >>> 2)] >>> ((c & 3) * 16)) & 0xFFFF;
  }

  static int chunk(PdqHash h, int c) {
    return (int) (h.word(c >>> 2) >>> ((c & 3) * 16)) & 0xFFFF;
  }

  /** Adds to {@code out} every indexed id within {@code radius} of the query (may repeat). */
  void search(long[] words, long q0, long q1, long q2, long q3, int radius, IntList out) {
    PdqHash q = new PdqHash(q0, q1, q2, q3);
    for (int c = 0; c < CHUNKS; c++) {
      int v = chunk(q, c);
      scan(words, c, v, q0, q1, q2, q3, radius, out);
      for (int b = 0; b < 16; b++) {
        scan(words, c, v ^ (1 << b), q0, q1, q2, q3, radius, out);
      }
    }
  }

  private void scan(
      long[] words, int c, int v, long q0, long q1, long q2, long q3, int radius, IntList out) {
    int[] list = ids[c];
    for (int p = offsets[c][v], end = offsets[c][v + 1]; p < end; p++) {
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
