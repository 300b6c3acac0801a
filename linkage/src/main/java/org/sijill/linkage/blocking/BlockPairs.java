package org.sijill.linkage.blocking;

import java.util.function.LongConsumer;
import org.sijill.linkage.Mode;
import org.sijill.linkage.internal.Records;

/**
 * Pairs of a block of sorted keys (top 40 bits the block, low 24 bits the record): all of them, or
 * a sorted neighbourhood. A pair is emitted as {@code i << 32 | j} with {@code i < j}; in link mode
 * only pairs across sources.
 */
final class BlockPairs {
  private final Mode mode;

  BlockPairs(Mode mode) {
    this.mode = mode;
  }

  /** Every pair of {@code block[from..to)}; returns how many were emitted. */
  long all(Records records, long[] block, int from, int to, LongConsumer pairs) {
    long count = 0;
    for (int x = from; x < to; x++) {
      int a = (int) (block[x] & 0xFFFFFF);
      for (int y = x + 1; y < to; y++) {
        int b = (int) (block[y] & 0xFFFFFF);
        if (a == b || (mode == Mode.LINK && records.source[a] == records.source[b])) {
          continue;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        pairs.accept(((long) lo << 32) | hi);
        count++;
      }
    }
    return count;
  }

  /** Each key of {@code block} with the next {@code window} keys; returns how many were emitted. */
  long window(Records records, long[] block, int window, LongConsumer pairs) {
    long count = 0;
    for (int x = 0; x < block.length; x++) {
      int a = (int) (block[x] & 0xFFFFFF);
      for (int y = x + 1; y < Math.min(block.length, x + 1 + window); y++) {
        int b = (int) (block[y] & 0xFFFFFF);
        if (a == b || (mode == Mode.LINK && records.source[a] == records.source[b])) {
          continue;
        }
        pairs.accept(((long) Math.min(a, b) << 32) | Math.max(a, b));
        count++;
      }
    }
    return count;
  }

  /** End of the block that starts at {@code keys[i]}: the first key with other top 40 bits. */
  static int next(long[] keys, int i) {
    long key = keys[i] >>> 24;
    int j = i + 1;
    while (j < keys.length && (keys[j] >>> 24) == key) {
      j++;
    }
    return j;
  }

  /** The record indexes of {@code keys[from..to)}. */
  static int[] records(long[] keys, int from, int to) {
    int[] out = new int[to - from];
    for (int k = from; k < to; k++) {
      out[k - from] = (int) (keys[k] & 0xFFFFFF);
    }
    return out;
  }
}
