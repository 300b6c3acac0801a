package org.sijill.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sijill.media.pdq.PdqHash;

/**
 * Every stored PDQ hash within a Hamming radius (at most 31 bits for the fast path) of a query,
 * exactly — the same answer as comparing against every stored hash. Hashes are numbered 0, 1, 2… in
 * the order they are added.
 *
 * <p>Recently added hashes sit in an unindexed tail that is scanned directly; the {@link
 * ChunkTables} are rebuilt when the tail grows past a quarter of the indexed part, so adding one
 * hash at a time stays cheap. Not thread-safe.
 */
public final class HammingIndex {
  private long[] words = new long[64];
  private int size;
  private ChunkTables tables;

  /** A stored hash within the radius of a query. */
  public record Hit(int id, int distance) {}

  /** Adds a hash and returns its number. */
  public int add(PdqHash h) {
    if ((size + 1) * 4 > words.length) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, (size + 1) * 4));
    }
    int base = size * 4;
    words[base] = h.w0();
    words[base + 1] = h.w1();
    words[base + 2] = h.w2();
    words[base + 3] = h.w3();
    return size++;
  }

  public int size() {
    return size;
  }

  public PdqHash get(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException(id);
    }
    int b = id * 4;
    return new PdqHash(words[b], words[b + 1], words[b + 2], words[b + 3]);
  }

  /** Builds the chunk tables over everything added so far (otherwise done when needed). */
  public void reindex() {
    tables = new ChunkTables(words, size);
  }

  /** Builds the tables with chunks of about {@code bits} bits (tests of every layout). */
  void reindex(int bits) {
    tables = new ChunkTables(words, size, bits);
  }

  /** Every stored hash within {@code radius} bits of {@code q}, in increasing id order. */
  public List<Hit> within(PdqHash q, int radius) {
    if (radius > ChunkTables.MAX_RADIUS) {
      return bruteForce(q, radius);
    }
    int indexed = tables == null ? 0 : tables.size();
    if (size - indexed > Math.max(4096, indexed / 4)) {
      reindex();
      indexed = size;
    }
    IntList found = new IntList();
    if (tables != null) {
      tables.search(words, new long[] {q.w0(), q.w1(), q.w2(), q.w3()}, radius, found);
    }
    for (int id = indexed; id < size; id++) {
      if (distance(id, q) <= radius) {
        found.add(id);
      }
    }
    found.sortDistinct();
    List<Hit> hits = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      int id = found.get(i);
      hits.add(new Hit(id, distance(id, q)));
    }
    return hits;
  }

  /** The same answer by comparing against every stored hash: the oracle of tests and benches. */
  public List<Hit> bruteForce(PdqHash q, int radius) {
    List<Hit> hits = new ArrayList<>();
    for (int id = 0; id < size; id++) {
      int d = distance(id, q);
      if (d <= radius) {
        hits.add(new Hit(id, d));
      }
    }
    return hits;
  }

  private int distance(int id, PdqHash q) {
    int b = id * 4;
    return Long.bitCount(words[b] ^ q.w0())
        + Long.bitCount(words[b + 1] ^ q.w1())
        + Long.bitCount(words[b + 2] ^ q.w2())
        + Long.bitCount(words[b + 3] ^ q.w3());
  }
}
