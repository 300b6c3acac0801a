package org.sijill.linkage.blocking;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.DistinctPairs;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;

/**
 * Candidate pairs: the union of several blocking keys, so that a pair missed by one key is caught
 * by another.
 *
 * <ul>
 *   <li>{@code name-pairs}: every pair of name-token skeletons within one name field of a record
 *       (order-free, script-free: "Mohammed … al-Hasan" and "الحسن محمد" share {@code hsn|mhmd});
 *       names split over single-token fields (given_name, surname) pair across those fields;
 *   <li>{@code token+initial}: a name-token skeleton with the first letter of another token of the
 *       name, compared only in small blocks (one shared token, a typo in the other);
 *   <li>{@code token+age}: a name-token skeleton with an age band, compared only in small blocks;
 *   <li>{@code lsh}: MinHash/LSH bands over skeleton bigrams and text trigrams (typos everywhere);
 *   <li>one key per exact, date and text field: the value itself (an id number, a birth date).
 * </ul>
 *
 * <p>Comparisons stay near-linear: a name-pair block larger than {@code maxBlockSize} is split by a
 * second attribute into sub-blocks, unioned ({@link NamePairSplit}); an oversized LSH block (common
 * names, which the split name-pair blocks reach) or block of a single field value (sex, a common
 * date) is skipped. The "skipped" count is the pairs of oversized blocks that were not compared in
 * full. Keys are hashed to 35 bits with a 5-bit family tag and packed with a 24-bit record index
 * into one long, so grouping is one primitive sort ({@link BlockKeys}).
 *
 * <p>The parts: {@link BlockKeys} builds a record's keys, {@link SplitIndex} holds what splitting
 * needs of every record, {@link NamePairSplit} splits an oversized name-pair block, {@link
 * BlockPairs} emits the pairs of a block and {@link BlockStats} lays out the counts.
 */
public final class Blocker {
  private final Settings settings;
  private final List<FieldComparator> comparators;
  private final BlockKeys keys;
  private final BlockPairs emit;
  private final BlockStats layout;

  /** Set by {@link #index}. */
  private NamePairSplit split;

  private SplitIndex sorted;
  private Records indexed;

  /** Result: distinct candidate pairs (i << 32 | j, i < j) and per-key statistics. */
  public record Candidates(long[] pairs, Map<String, long[]> perKey) {}

  public Blocker(Settings settings, Mode mode, List<FieldComparator> comparators) {
    this.settings = settings;
    this.comparators = comparators;
    this.keys = new BlockKeys(settings, comparators);
    this.emit = new BlockPairs(mode);
    this.layout = new BlockStats(settings);
  }

  public Candidates candidates(Records records) {
    return candidates(records, done -> {});
  }

  /** As {@link #candidates(Records)}, telling {@code done} how many records' keys are blocked. */
  public Candidates candidates(Records records, LongConsumer done) {
    if (indexed != records) {
      index(records); // not yet, or other records
    }
    int n = records.size;
    // the records' keys are built in parts on all cores; sorted, they are the same whatever the
    // order they were added in
    int parts = SplitIndex.parts(n);
    LongList[] part = new LongList[parts];
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              int from = SplitIndex.partStart(n, parts, p);
              int to = SplitIndex.partStart(n, parts, p + 1);
              LongList keys = new LongList((to - from) * 16);
              for (int r = from; r < to; r++) {
                keys(r, keys::add);
              }
              part[p] = keys;
            });
    LongList all = new LongList(0);
    for (LongList keys : part) {
      all.addAll(keys);
    }
    long[] sorted = all.sorted();
    all = null;
    // the blocks in parts on all cores, each part whole blocks with its own pairs and counts: the
    // pairs are made sorted and distinct, and the counts summed, so the parts change no result
    int[] cut = blockCuts(sorted, Math.max(1, Math.min(256, sorted.length / 16384)));
    LongList[] pairs = new LongList[cut.length - 1];
    long[][] stats = new long[cut.length - 1][];
    AtomicLong blocked = new AtomicLong();
    IntStream.range(0, cut.length - 1)
        .parallel()
        .forEach(
            p -> {
              LongList out = new LongList((cut[p + 1] - cut[p]) * 2);
              long[] counts = newStats();
              int i = cut[p];
              while (i < cut[p + 1]) {
                int j = BlockPairs.next(sorted, i);
                block(records, sorted, i, j, out::add, counts);
                i = j;
              }
              pairs[p] = out;
              stats[p] = counts;
              synchronized (done) {
                done.accept(blocked.addAndGet(cut[p + 1] - cut[p])); // rising counts
              }
            });
    long[] sum = newStats();
    for (long[] counts : stats) {
      addStats(sum, counts);
    }
    return new Candidates(DistinctPairs.of(n, pairs), perKey(sum));
  }

  /**
   * About {@code parts} cuts of the sorted keys at block boundaries: part p is {@code keys[cut[p]
   * .. cut[p + 1])}, whole blocks only.
   */
  private static int[] blockCuts(long[] keys, int parts) {
    LongList cuts = new LongList(parts + 1);
    cuts.add(0);
    for (int p = 1; p < parts; p++) {
      int at = (int) ((long) keys.length * p / parts);
      if (at <= cuts.get(cuts.size() - 1)) {
        continue;
      }
      while (at < keys.length && (keys[at] >>> 24) == (keys[at - 1] >>> 24)) {
        at++; // to the start of the next block
      }
      if (at < keys.length) {
        cuts.add(at);
      }
    }
    cuts.add(keys.length);
    long[] c = cuts.toArray();
    int[] out = new int[c.length];
    for (int k = 0; k < c.length; k++) {
      out[k] = (int) c[k];
    }
    return out;
  }

  /**
   * Computes what blocks need of every record besides its keys: the values an oversized block is
   * split by and each record's rank in sort order (for the sorted neighbourhood). Call once before
   * {@link #block}.
   */
  public void index(Records records) {
    this.indexed = records;
    this.sorted = new SplitIndex(records, comparators);
    this.split =
        new NamePairSplit(sorted, emit, layout, settings.maxBlockSize(), settings.window());
  }

  /**
   * The records in sort order (name skeletons, then the first date), as the sorted neighbourhood of
   * an oversized block orders them. Call after {@link #index}.
   */
  public int[] sortOrder() {
    return sorted.order();
  }

  /**
   * The blocking keys of one record: family (5 bits), key hash (35 bits), record index (24 bits).
   * Records that share the top 40 bits are in one block. Safe to call from several threads.
   */
  public void keys(int rec, LongConsumer keys) {
    this.keys.keys(rec, keys);
  }

  /**
   * Statistics of {@link #block} calls: pairs emitted and skipped per key family and split path.
   */
  public long[] newStats() {
    return layout.newStats();
  }

  /** Adds the statistics {@code from} into {@code into}. */
  public static void addStats(long[] into, long[] from) {
    BlockStats.add(into, from);
  }

  /**
   * The candidate pairs of one block: {@code keys[from..to)} are sorted keys of one block (the same
   * top 40 bits). Emits pairs (i << 32 | j, i < j; not distinct) and counts them into {@code
   * stats}. Safe to call from several threads after {@link #index} (each with its own stats).
   */
  public void block(
      Records records, long[] keys, int from, int to, LongConsumer pairs, long[] stats) {
    int max = settings.maxBlockSize();
    long key = keys[from] >>> 24;
    int family = (int) (key >>> 35);
    int size = to - from;
    if (size < 2) {
      return;
    }
    long all = (long) size * (size - 1) / 2;
    if (family == BlockKeys.FAMILY_TOKEN_INITIAL || family == BlockKeys.FAMILY_TOKEN_BAND) {
      // Looser than a token pair: compared only where the block is small.
      int cap =
          family == BlockKeys.FAMILY_TOKEN_INITIAL
              ? BlockKeys.tokenInitialCap(max)
              : BlockKeys.tokenBandCap(max);
      if (size <= cap) {
        stats[layout.emitted(family)] += emit.all(records, keys, from, to, pairs);
      } else {
        stats[layout.skipped(family)] += all;
      }
    } else if (size <= max) {
      stats[layout.emitted(family)] += emit.all(records, keys, from, to, pairs);
    } else if (family == BlockKeys.FAMILY_NAME_PAIRS) {
      // Too large to compare in full: split by a second attribute.
      stats[layout.skipped(family)] += all;
      split.split(records, BlockPairs.records(keys, from, to), key & 0x7FFFFFFFFL, pairs, stats);
    } else {
      stats[layout.skipped(family)] += all;
    }
  }

  /** Pairs emitted and skipped per key family (and name-pair split path) from block statistics. */
  public Map<String, long[]> perKey(long[] stats) {
    return layout.perKey(stats);
  }
}
