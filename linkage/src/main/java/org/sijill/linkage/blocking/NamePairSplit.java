package org.sijill.linkage.blocking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;

/**
 * Splits an oversized name-pair block by a second attribute: every record goes into one sub-block
 * per split value (another name token, an age band, a date band, …), keyed by the block key and the
 * value, so a record missing one attribute is still reached through another. A sub-block within the
 * cap is compared in full. A larger one is split again by a later field, but only by values whose
 * own sub-block was oversized too (a pair sharing a value with a small sub-block has been compared
 * there already); what is still oversized then is compared as a sorted neighbourhood. A value every
 * record of the block shares (a token of the key itself) does not split it.
 */
final class NamePairSplit {
  /**
   * A split value is used only if its sub-block holds at most 1/NARROWING of the oversized block:
   * sex, a common place or a date band of a one-week list barely narrow a block and would only
   * multiply comparisons (they may still narrow an age or name sub-block further).
   */
  private static final int NARROWING = 4;

  /**
   * A sub-block is compared in full up to maxBlockSize / SUB_BLOCK_SHARE records: a record sits in
   * several sub-blocks of each oversized block (one per split value), so each gets a share of the
   * comparisons a block within the cap would, and comparisons per record stay near constant.
   */
  private static final int SUB_BLOCK_SHARE = 2;

  private final SplitIndex index;
  private final BlockPairs emit;
  private final BlockStats layout;
  private final int max;
  private final int window;

  NamePairSplit(
      SplitIndex index, BlockPairs emit, BlockStats layout, int maxBlockSize, int window) {
    this.index = index;
    this.emit = emit;
    this.layout = layout;
    this.max = Math.max(2, maxBlockSize / SUB_BLOCK_SHARE);
    this.window = window;
  }

  /** Emits the pairs of the block of {@code recs} under key {@code root} and counts them. */
  void split(Records records, int[] recs, long root, LongConsumer pairs, long[] stats) {
    int stride = layout.stride;
    long[] keys = index.subBlocks(recs, root, -1, root, null);
    // the keys of oversized sub-blocks, in a table of longs: looked up for every split value of
    // every record of those sub-blocks (SplitIndex.KeySet)
    LongList oversized = new LongList(16);
    List<int[]> deeper = new ArrayList<>();
    List<Long> deeperKeys = new ArrayList<>();
    int i = 0;
    while (i < keys.length) {
      long key = keys[i] >>> 24;
      int j = BlockPairs.next(keys, i);
      int size = j - i;
      int field = (int) (key >>> 35);
      int at = (field + 1) * stride;
      if (size >= 2 && size * NARROWING <= recs.length) {
        if (size <= max) {
          stats[layout.pathEmitted(at)] += emit.all(records, keys, i, j, pairs);
        } else {
          stats[layout.pathSkipped(at)] += (long) size * (size - 1) / 2;
          oversized.add(key);
          deeper.add(BlockPairs.records(keys, i, j));
          deeperKeys.add(key);
        }
      }
      i = j;
    }
    SplitIndex.KeySet oversizedKeys = new SplitIndex.KeySet(oversized.toArray());
    for (int d = 0; d < deeper.size(); d++) {
      long key = deeperKeys.get(d);
      int first = (int) (key >>> 35);
      int at = (first + 1) * stride;
      int[] inner = deeper.get(d);
      long[] sub = index.subBlocks(inner, key & 0x7FFFFFFFFL, first, root, oversizedKeys);
      int k = 0;
      while (k < sub.length) {
        int e = BlockPairs.next(sub, k);
        int size = e - k;
        int second = (int) (sub[k] >>> 59);
        int path = at + second + 1;
        if (size >= 2 && size * 2 <= inner.length) {
          if (size <= max) {
            stats[layout.pathEmitted(path)] += emit.all(records, sub, k, e, pairs);
          } else {
            stats[layout.pathSkipped(path)] += (long) size * (size - 1) / 2;
            int[] rest = BlockPairs.records(sub, k, e);
            long[] sorted = new long[size];
            for (int x = 0; x < size; x++) {
              sorted[x] = ((long) index.rank(rest[x]) << 24) | rest[x];
            }
            Arrays.sort(sorted);
            stats[layout.pathEmitted(path)] += emit.window(records, sorted, window, pairs);
          }
        }
        k = e;
      }
    }
  }
}
