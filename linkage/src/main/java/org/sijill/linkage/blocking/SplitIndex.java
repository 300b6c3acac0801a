package org.sijill.linkage.blocking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.sijill.linkage.compare.DateComparator;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.compare.NumberComparator;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.NameToken;

/**
 * What an oversized block needs of every record besides its keys: the values it may be split by and
 * the record's rank in sort order (for the sorted neighbourhood of what stays oversized). Built
 * once per run, read only after, so blocks may be split from several threads.
 */
final class SplitIndex {
  /** Width of the overlapping bands a number (an age, in years) is split by. */
  static final int NUMBER_BAND = 4;

  /** Width of the overlapping bands a date is split by, in days. */
  static final int DATE_BAND = 4;

  /** Split values of record r: split[splitStart[r] .. splitStart[r + 1]). */
  private final int[] splitStart;

  private final long[] split;

  /** Each record's rank in sort order (name skeletons, then first date). */
  private final int[] rank;

  SplitIndex(Records records, List<FieldComparator> comparators) {
    int firstDate = -1;
    for (int f = 0; f < comparators.size(); f++) {
      if (comparators.get(f) instanceof DateComparator && firstDate < 0) {
        firstDate = f;
      }
    }
    int n = records.size;
    String[] sortKey = new String[n];
    int[] start = new int[n + 1];
    // in parts on all cores, each part's values numbered from 0, then joined in record order
    int parts = parts(n);
    LongList[] part = new LongList[parts];
    final int date = firstDate;
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              int from = partStart(n, parts, p);
              int to = partStart(n, parts, p + 1);
              LongList values = new LongList((to - from) * 8);
              for (int rec = from; rec < to; rec++) {
                start[rec] = values.size();
                splitValues(comparators, rec, values);
                sortKey[rec] = sortKey(comparators, rec, date);
              }
              part[p] = values;
            });
    LongList splitValues = new LongList(0);
    for (int p = 0; p < parts; p++) {
      int offset = splitValues.size();
      for (int rec = partStart(n, parts, p); rec < partStart(n, parts, p + 1); rec++) {
        start[rec] += offset;
      }
      splitValues.addAll(part[p]);
    }
    start[n] = splitValues.size();
    this.splitStart = start;
    this.split = splitValues.toArray();
    this.rank = ranks(sortKey);
  }

  /** Into how many parts work over {@code n} records is cut for all cores: 1 for small inputs. */
  static int parts(int n) {
    return Math.max(1, Math.min(64, n / 4096));
  }

  /** First record of part {@code p} of {@code parts} (p = parts: n). */
  static int partStart(int n, int parts, int p) {
    return (int) ((long) n * p / parts);
  }

  /** The records by rank: {@code order()[rank(r)] == r}. */
  int[] order() {
    int[] order = new int[rank.length];
    for (int r = 0; r < rank.length; r++) {
      order[rank[r]] = r;
    }
    return order;
  }

  /** The record's rank in sort order: near-identical records have near ranks. */
  int rank(int rec) {
    return rank[rec];
  }

  /**
   * Sub-block keys of the given records under a parent key (field, 35-bit hash, record), sorted.
   * Only fields after {@code after}; with {@code oversized} (ascending keys), only values whose
   * sub-block of the {@code root} block was itself oversized.
   */
  long[] subBlocks(int[] recs, long parent, int after, long root, KeySet oversized) {
    LongList sub = new LongList(recs.length * 8);
    for (int rec : recs) {
      for (int k = splitStart[rec]; k < splitStart[rec + 1]; k++) {
        long v = split[k];
        int field = (int) (v >>> 59);
        if (field <= after) {
          continue;
        }
        if (oversized != null && !oversized.contains(subKey(root, v))) {
          continue;
        }
        sub.add((subKey(parent, v) << 24) | rec);
      }
    }
    return sub.sorted();
  }

  /**
   * Sub-block keys (field and 35-bit hash, at most 40 bits) in an open-addressing table of longs,
   * for {@link #subBlocks}' look-up of every split value of every record of an oversized sub-block.
   * Why not a sorted array and a binary search: at a million records the search was a fifteenth of
   * blocking's samples (a boxed hash set had been a twentieth of the whole run's).
   */
  static final class KeySet {
    private final long[] slots;
    private final int mask;

    KeySet(long[] keys) {
      int size = Integer.highestOneBit(Math.max(4, keys.length * 4 - 1)) << 1;
      slots = new long[size];
      mask = size - 1;
      Arrays.fill(slots, -1L);
      for (long k : keys) {
        int i = slot(k);
        while (slots[i] != -1L && slots[i] != k) {
          i = (i + 1) & mask;
        }
        slots[i] = k;
      }
    }

    /** The keys' low bits are a mixed hash already. */
    private int slot(long key) {
      return (int) key & mask;
    }

    boolean contains(long key) {
      int i = slot(key);
      while (true) {
        long s = slots[i];
        if (s == key) {
          return true;
        }
        if (s == -1L) {
          return false;
        }
        i = (i + 1) & mask;
      }
    }
  }

  /** Field (5 bits) and 35-bit hash of the sub-block of a parent key for one split value. */
  private static long subKey(long parent, long v) {
    long h = MinHash.mix(parent * 0x9E3779B97F4A7C15L + v);
    return ((v >>> 59) << 35) | (h & 0x7FFFFFFFFL);
  }

  /**
   * The values an oversized block is split by, one long each: the field index in the top 5 bits, a
   * hash of the value below. Name fields give each token skeleton (so a name-pair block splits into
   * name-token triples), number and date fields a band in each of two tilings offset by half a band
   * (two values within half a band always share one), text and exact fields the value.
   */
  private static void splitValues(List<FieldComparator> comparators, int rec, LongList out) {
    for (int f = 0; f < comparators.size(); f++) {
      FieldComparator c = comparators.get(f);
      final int field = f;
      if (c instanceof NameComparator nc) {
        Set<String> seen = new LinkedHashSet<>();
        for (NameToken t : nc.tokens(rec)) {
          if (!t.skeleton().isEmpty() && seen.size() < 8 && seen.add(t.skeleton())) {
            out.add(splitValue(field, BlockKeys.hash(t.skeleton())));
          }
        }
      } else if (c instanceof NumberComparator num) {
        double v = num.value(rec);
        if (!Double.isNaN(v)) {
          bands((long) Math.floor(v), NUMBER_BAND, field, out);
        }
      } else if (c instanceof DateComparator dc) {
        int day = dc.day(rec);
        if (day != Integer.MIN_VALUE) {
          bands(day, DATE_BAND, field, out);
        }
      } else {
        c.blockingKeys(rec, v -> out.add(splitValue(field, BlockKeys.hash(v))));
      }
    }
  }

  /** Two overlapping tilings of width {@code width}, offset by half a band: one value in each. */
  static void bands(long v, int width, int field, LongList out) {
    out.add(splitValue(field, MinHash.mix(Math.floorDiv(v, width) * 2)));
    out.add(splitValue(field, MinHash.mix(Math.floorDiv(v + width / 2, width) * 2 + 1)));
  }

  private static long splitValue(int field, long hash) {
    return ((long) field << 59) | (hash & 0x07FFFFFFFFFFFFFFL);
  }

  /**
   * All name-token skeletons of a record, sorted, then the first date: near-identical records sort
   * together.
   */
  private static String sortKey(List<FieldComparator> comparators, int rec, int firstDate) {
    List<String> sk = new ArrayList<>();
    for (FieldComparator c : comparators) {
      if (c instanceof NameComparator nc) {
        for (NameToken t : nc.tokens(rec)) {
          sk.add(t.skeleton());
        }
      }
    }
    Collections.sort(sk);
    StringBuilder b = new StringBuilder(String.join(" ", sk));
    if (firstDate >= 0) {
      b.append('|');
      comparators.get(firstDate).blockingKeys(rec, b::append);
    }
    return b.toString();
  }

  /**
   * The rank of every record when sorted by {@code sortKey}, equal keys in record order (what a
   * stable sort of the boxed indices gave). The indices are sorted as an {@code int[]}, first by
   * the keys' first four characters packed into a long, the strings compared only where those
   * agree: no million boxed indices, and most comparisons one long against another.
   */
  static int[] ranks(String[] sortKey) {
    int n = sortKey.length;
    long[] head = new long[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      head[i] = head(sortKey[i]);
      order[i] = i;
    }
    new RankSort(order, new int[n], 0, n, head, sortKey).invoke();
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  /**
   * The first four UTF-16 characters of {@code s}, 16 bits each, the missing ones 0: if two keys'
   * heads differ (unsigned) they are ordered as the strings are; if they agree the strings decide.
   */
  static long head(String s) {
    long h = 0;
    for (int k = 0; k < 4; k++) {
      h = (h << 16) | (k < s.length() ? s.charAt(k) : 0);
    }
    return h;
  }

  /** A stable merge sort of record indices by (head, key), halves sorted on all cores. */
  private static final class RankSort extends java.util.concurrent.RecursiveAction {
    private static final int FORK = 1 << 13;
    private static final int INSERTION = 24;
    private final int[] a;
    private final int[] tmp;
    private final int lo;
    private final int hi;
    private final long[] head;
    private final String[] key;

    RankSort(int[] a, int[] tmp, int lo, int hi, long[] head, String[] key) {
      this.a = a;
      this.tmp = tmp;
      this.lo = lo;
      this.hi = hi;
      this.head = head;
      this.key = key;
    }

    private int compare(int x, int y) {
      int c = Long.compareUnsigned(head[x], head[y]);
      return c != 0 ? c : key[x].compareTo(key[y]);
    }

    @Override
    protected void compute() {
      sort(lo, hi);
    }

    private void sort(int from, int to) {
      if (to - from <= INSERTION) {
        for (int i = from + 1; i < to; i++) {
          int v = a[i];
          int j = i - 1;
          while (j >= from && compare(a[j], v) > 0) {
            a[j + 1] = a[j];
            j--;
          }
          a[j + 1] = v;
        }
        return;
      }
      int mid = (from + to) >>> 1;
      if (to - from >= FORK) {
        invokeAll(
            new RankSort(a, tmp, from, mid, head, key), new RankSort(a, tmp, mid, to, head, key));
      } else {
        sort(from, mid);
        sort(mid, to);
      }
      if (compare(a[mid - 1], a[mid]) <= 0) {
        return; // already in order
      }
      System.arraycopy(a, from, tmp, from, to - from);
      int i = from;
      int j = mid;
      int k = from;
      while (i < mid && j < to) {
        // ties from the left half first: stable
        a[k++] = compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
      }
      while (i < mid) {
        a[k++] = tmp[i++];
      }
      while (j < to) {
        a[k++] = tmp[j++];
      }
    }
  }
}
