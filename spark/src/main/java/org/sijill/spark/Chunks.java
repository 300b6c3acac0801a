package org.sijill.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.sijill.linkage.pairs.Prepared;

/**
 * A partition's sorted pairs (repeats included) turned into chunks of distinct pairs, one pair
 * range each, with their comparison vectors: one chunk at a time, so a task holds one range's pairs
 * rather than its whole partition's.
 */
final class Chunks implements Iterator<SparkPairWork.Chunk> {
  private final Prepared prepared;
  private final Iterator<Long> sorted;
  private final int ranges;
  private final int records;
  private final LongBuffer pairs = new LongBuffer();
  private long last = -1;
  private long pending = -1; // the first pair of the next range, read ahead
  private SparkPairWork.Chunk next;

  Chunks(Prepared prepared, Iterator<Long> sorted, int ranges, int records) {
    this.prepared = prepared;
    this.sorted = sorted;
    this.ranges = ranges;
    this.records = Math.max(1, records);
  }

  /** The pair range of a pair: ranges of first records, contiguous in sort order. */
  static int range(long pair, int ranges, int records) {
    return (int) ((pair >>> 32) * ranges / Math.max(1, records));
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = read();
    }
    return next != null;
  }

  @Override
  public SparkPairWork.Chunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SparkPairWork.Chunk c = next;
    next = null;
    return c;
  }

  private SparkPairWork.Chunk read() {
    pairs.clear();
    int current = -1;
    if (pending >= 0) {
      pairs.add(pending);
      current = range(pending, ranges, records);
      pending = -1;
    }
    while (sorted.hasNext()) {
      long pair = sorted.next();
      if (pair == last) {
        continue;
      }
      last = pair;
      int range = range(pair, ranges, records);
      if (current >= 0 && range != current) {
        pending = pair;
        break;
      }
      current = range;
      pairs.add(pair);
    }
    if (pairs.size() == 0) {
      return null;
    }
    long[] ps = pairs.toArray();
    long[] patterns = new long[ps.length];
    for (int i = 0; i < ps.length; i++) {
      patterns[i] = prepared.pattern((int) (ps[i] >>> 32), (int) ps[i]);
    }
    return new SparkPairWork.Chunk(current, ps, patterns);
  }
}
