package org.sijill.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;
import org.sijill.linkage.pairs.Prepared;

/**
 * A partition's blocking keys, sorted, turned into the candidate pairs of each block by the
 * single-machine rules ({@link Prepared#blockPairs}), one block at a time: a task holds one block's
 * pairs rather than its whole partition's. {@code done} gets the blocking statistics and the number
 * of pairs emitted once the keys run out.
 */
final class BlockPairs implements Iterator<Long> {
  /** What a finished partition reports. */
  interface Done {
    void accept(long[] stats, long emitted);
  }

  private final Prepared prepared;
  private final Iterator<Long> keys;
  private final Done done;
  private final long[] stats;
  private final LongBuffer block = new LongBuffer();
  private final LongBuffer out = new LongBuffer();
  private final LongConsumer emit = out::add;
  private int at;
  private long emitted;
  private boolean finished;

  BlockPairs(Prepared prepared, Iterator<Long> keys, Done done) {
    this.prepared = prepared;
    this.keys = keys;
    this.done = done;
    this.stats = prepared.newBlockingStats();
  }

  @Override
  public boolean hasNext() {
    while (at == out.size() && !finished) {
      fill();
    }
    return at < out.size();
  }

  @Override
  public Long next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return out.get(at++);
  }

  /** The pairs of the next block (or none: a block may emit nothing). */
  private void fill() {
    out.clear();
    at = 0;
    while (keys.hasNext()) {
      long k = keys.next();
      if (block.size() > 0 && Prepared.block(block.get(0)) != Prepared.block(k)) {
        prepared.blockPairs(block.array(), 0, block.size(), emit, stats);
        block.clear();
        block.add(k);
        emitted += out.size();
        return;
      }
      block.add(k);
    }
    if (block.size() > 0) {
      prepared.blockPairs(block.array(), 0, block.size(), emit, stats);
      block.clear();
      emitted += out.size();
    }
    finished = true;
    done.accept(stats, emitted);
  }
}
