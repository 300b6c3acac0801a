package org.sijill.linkage.pairs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.blocking.Blocker;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.model.Patterns;

/**
 * The input records of one linkage run with every compared field prepared (normalised, tokenised,
 * parsed, value frequencies counted): what each step of the pair-level work ({@link PairWork})
 * reads. Built the same way wherever it is built, so a copy built on another machine from the same
 * sources gives the same blocking keys, comparison vectors and scores.
 */
public final class Prepared {
  public final Settings settings;
  public final Mode mode;
  public final Records records;
  public final List<FieldComparator> comps;

  /** {@link #comps} as an array. */
  private final FieldComparator[] compArray;

  /**
   * The fields whose comparator adjusts a level by term frequency (names and exact values; every
   * other kind's factor is 1), for {@link PairScores#logit}: it runs for every candidate pair and
   * went through all fields by the list.
   */
  final int[] termFields;

  /** The fields not kept in {@link #rows} (names), and their comparators. */
  private final int[] unrowedFields;

  private final FieldComparator[] unrowed;

  /**
   * The {@link #unrowed} fields whose values the read-ahead reads ({@link #touchPartners}): all but
   * the name fields after the first when the name fields share one row per record ({@link
   * NameComparator#shareRows}), whose one read fetches the others' too.
   */
  private final FieldComparator[] touched;

  /** Whether the name fields share one row per record ({@link NameComparator#shareRows}). */
  final boolean namesShareRows;

  /** The fields kept in {@link #rows} ({@link FieldComparator#rowed}), and their comparators. */
  private final int[] rowedFields;

  private final FieldComparator[] rowed;

  /**
   * Per record, the {@link FieldComparator#touch} value of each {@link #rowed} field side by side,
   * in a row of {@code 1 << rowShift} longs at {@code ROW0 + (rec << rowShift)}. Why: comparing a
   * candidate pair read the partner's date, number, exact and text values from an array per field,
   * each a cache miss at a million records (the partner lies anywhere in the heap); one row is one
   * miss, and rows of 2, 4 or 8 longs never straddle two cache lines (see {@link #ROW0}).
   */
  private final long[] rows;

  private final int rowShift;

  /**
   * Where the first row starts in {@link #rows}: a long array's values start 16 bytes into the
   * object, and a large array starts a heap region of the G1 collector, so 6 longs more put every
   * row at a multiple of its size from a 64-byte boundary. Only speed depends on it.
   */
  static final int ROW0 = 6;

  private volatile Blocker blocker;

  private Prepared(Settings settings, Mode mode, List<Source> sources) {
    this.settings = settings;
    this.mode = mode;
    this.records = new Records(sources, settings);
    List<FieldComparator> c = new ArrayList<>();
    for (FieldSpec f : settings.fields()) {
      c.add(FieldComparator.of(f));
    }
    prepareFields(c, settings, records);
    this.comps = List.copyOf(c);
    this.compArray = c.toArray(new FieldComparator[0]);
    this.termFields =
        IntStream.range(0, c.size()).filter(f -> c.get(f).adjustsByTermFrequency()).toArray();
    this.rowedFields = IntStream.range(0, c.size()).filter(f -> c.get(f).rowed()).toArray();
    this.unrowedFields = IntStream.range(0, c.size()).filter(f -> !c.get(f).rowed()).toArray();
    this.rowed = IntStream.of(rowedFields).mapToObj(c::get).toArray(FieldComparator[]::new);
    this.unrowed = IntStream.of(unrowedFields).mapToObj(c::get).toArray(FieldComparator[]::new);
    List<NameComparator> names = new ArrayList<>();
    for (FieldComparator f : c) {
      if (f instanceof NameComparator nc) {
        names.add(nc);
      }
    }
    this.namesShareRows = NameComparator.shareRows(names);
    List<FieldComparator> touch = new ArrayList<>();
    for (FieldComparator f : unrowed) {
      if (!namesShareRows || !(f instanceof NameComparator) || f == names.get(0)) {
        touch.add(f);
      }
    }
    this.touched = touch.toArray(new FieldComparator[0]);
    int shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, rowedFields.length) - 1);
    this.rowShift = shift;
    int n = records.size;
    this.rows = new long[rowedFields.length == 0 ? 0 : ROW0 + (n << shift)];
    if (rowedFields.length > 0) {
      IntStream.range(0, n)
          .parallel()
          .forEach(
              r -> {
                int at = ROW0 + (r << shift);
                for (int k = 0; k < rowed.length; k++) {
                  rows[at + k] = rowed[k].touch(r);
                }
              });
    }
  }

  /**
   * Prepares each field ({@link FieldComparator#prepare}) on every core, the costly kinds first:
   * each thread claims the next field of the order name, date, then the rest. Why: a parallel
   * stream over the fields split them in halves by position, and FEBRL's two name fields (~0.06 and
   * ~0.03 s, the name code still cold) fell to one thread with three text fields while the other
   * finished ~0.04 s early (docs/BENCHMARKS.md, "Session 14, lane S", round 2). Each field is
   * prepared on its own data, so the order changes nothing but the time.
   */
  private static void prepareFields(List<FieldComparator> c, Settings settings, Records records) {
    int[] order =
        IntStream.range(0, c.size())
            .boxed()
            .sorted(Comparator.comparingInt(f -> prepareRank(settings.fields().get(f))))
            .mapToInt(Integer::intValue)
            .toArray();
    AtomicInteger next = new AtomicInteger();
    IntStream.rangeClosed(0, ForkJoinPool.getCommonPoolParallelism())
        .parallel()
        .forEach(
            x -> {
              for (int k = next.getAndIncrement(); k < order.length; k = next.getAndIncrement()) {
                c.get(order[k]).prepare(records, order[k]);
              }
            });
  }

  /** Names first, then dates: the kinds whose preparation costs most (a stable order). */
  private static int prepareRank(FieldSpec f) {
    return switch (f.kind()) {
      case NAME -> 0;
      case DATE -> 1;
      default -> 2;
    };
  }

  /** Reads and prepares the sources (records are numbered in source order, then row order). */
  public static Prepared of(Settings settings, Mode mode, List<Source> sources) {
    return new Prepared(settings, mode, sources);
  }

  /** Number of records. */
  public int size() {
    return records.size;
  }

  public Settings settings() {
    return settings;
  }

  public Mode mode() {
    return mode;
  }

  /** The input sources, in record order. */
  public List<Source> sources() {
    return records.sources;
  }

  /** The blocker, indexed on first use (split values and sort ranks of every record). */
  Blocker blocker() {
    Blocker b = blocker;
    if (b == null) {
      synchronized (this) {
        b = blocker;
        if (b == null) {
          b = new Blocker(settings, mode, comps);
          b.index(records);
          blocker = b;
        }
      }
    }
    return b;
  }

  /**
   * Emits the blocking keys of record {@code rec}. A key packs the block (its top 40 bits, {@link
   * #block(long)}) and the record index (low 24 bits); all keys of one block, sorted, go to {@link
   * #blockPairs}.
   */
  public void blockingKeys(int rec, LongConsumer keys) {
    blocker().keys(rec, keys);
  }

  /** The block a blocking key belongs to. */
  public static long block(long key) {
    return key >>> 24;
  }

  /** A new, empty array of blocking statistics for {@link #blockPairs}. */
  public long[] newBlockingStats() {
    return blocker().newStats();
  }

  /** Adds blocking statistics {@code from} into {@code into}. */
  public static void addBlockingStats(long[] into, long[] from) {
    Blocker.addStats(into, from);
  }

  /**
   * The candidate pairs of one block, by the single-machine rules: {@code keys[from..to)} are the
   * block's keys in ascending order. Pairs are {@code i << 32 | j} with {@code i < j}, possibly
   * repeated (also across blocks). Thread-safe; each thread passes its own {@code stats}.
   */
  public void blockPairs(long[] keys, int from, int to, LongConsumer pairs, long[] stats) {
    blocker().block(records, keys, from, to, pairs, stats);
  }

  /** Pairs emitted and skipped per blocking key, from summed statistics. */
  public Map<String, long[]> pairsPerBlockingKey(long[] stats) {
    return blocker().perKey(stats);
  }

  /**
   * The records in sort order (all name-token skeletons sorted, then the first date): records of
   * one person, and records that share names, lie near each other.
   */
  int[] sortOrder() {
    return blocker().sortOrder();
  }

  /**
   * Reads the values of the second record of each of {@code pairs[from..to)} that comparing it
   * reads first ({@link FieldComparator#touch}), and returns a value made of them (any value; the
   * caller keeps it so the reads are not dropped as unused).
   */
  long touchPartners(long[] pairs, int from, int to) {
    long sink = 0;
    for (FieldComparator c : touched) {
      for (int i = from; i < to; i++) {
        sink ^= c.touch((int) pairs[i]);
      }
    }
    if (rowed.length > 0) {
      for (int i = from; i < to; i++) {
        sink ^= rows[ROW0 + ((int) pairs[i] << rowShift)];
      }
    }
    return sink;
  }

  /**
   * As {@link #touchPartners} for scoring: reads what each name field's term frequency reads of
   * each of {@code pairs[from..to)} whose level in that field it adjusts (4 and up, {@code
   * patterns}); the other fields' term frequency reads nothing of the partner.
   */
  long touchTermPartners(long[] pairs, long[] patterns, int from, int to) {
    long sink = 0;
    for (int f = 0; f < comps.size(); f++) {
      if (comps.get(f) instanceof NameComparator nc) {
        for (int i = from; i < to; i++) {
          if (Patterns.level(patterns[i], f) >= 4) {
            sink ^= nc.touchTerms((int) (pairs[i] >>> 32), (int) pairs[i]);
          }
        }
      }
    }
    return sink;
  }

  /** The comparator of field {@code f}. */
  FieldComparator comparator(int f) {
    return compArray[f];
  }

  /**
   * The comparison vector of records {@code a} and {@code b}: {@link Linker#pattern}'s, the fields
   * kept in {@link #rows} read from them.
   */
  public long pattern(int a, int b) {
    long p = 0;
    for (int k = 0; k < unrowed.length; k++) {
      int l = unrowed[k].level(a, b);
      if (l >= 0) {
        p = Patterns.set(p, unrowedFields[k], l);
      }
    }
    if (rowed.length > 0) {
      int ra = ROW0 + (a << rowShift);
      int rb = ROW0 + (b << rowShift);
      for (int k = 0; k < rowed.length; k++) {
        int l = rowed[k].level(rows[ra + k], rows[rb + k], a, b);
        if (l >= 0) {
          p = Patterns.set(p, rowedFields[k], l);
        }
      }
    }
    return p;
  }
}
