package org.sijill.linkage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate pairs: the union of several blocking keys, so that a pair missed by one key is caught
 * by another.
 *
 * <ul>
 *   <li>{@code name-pairs}: every pair of name-token skeletons within one name field of a record
 *       (order-free, script-free: "Mohammed … al-Hasan" and "الحسن محمد" share {@code hsn|mhmd});
 *       names split over single-token fields (given_name, surname) pair across those fields;
 *   <li>{@code lsh}: MinHash/LSH bands over skeleton bigrams and text trigrams (typos everywhere);
 *   <li>one key per exact, date and text field: the value itself (an id number, a birth date).
 * </ul>
 *
 * <p>Comparisons stay near-linear: a name or LSH block larger than {@code maxBlockSize} is not
 * compared in full but as a sorted neighbourhood (records sorted by all their name skeletons and
 * date, each compared with the next {@code window}); an oversized block of a single field value
 * (sex, a common date) is skipped. The "skipped" count is the pairs of oversized blocks that were
 * not compared in full. Keys are hashed to 35 bits with a 5-bit family tag and packed with a 24-bit
 * record index into one long, so grouping is one primitive sort.
 */
final class Blocker {
  private static final int FAMILY_NAME_PAIRS = 0;
  private static final int FAMILY_LSH = 1;
  private static final int FAMILY_FIELD = 2;

  private final Settings settings;
  private final Mode mode;
  private final List<FieldComparator> comparators;
  private final List<String> familyNames = new ArrayList<>();

  /** Result: distinct candidate pairs (i << 32 | j, i < j) and per-key statistics. */
  record Candidates(long[] pairs, Map<String, long[]> perKey) {}

  Blocker(Settings settings, Mode mode, List<FieldComparator> comparators) {
    this.settings = settings;
    this.mode = mode;
    this.comparators = comparators;
    familyNames.add("name-pairs");
    familyNames.add("lsh");
    for (FieldSpec f : settings.fields()) {
      familyNames.add(f.column());
    }
  }

  Candidates candidates(Records records) {
    int n = records.size;
    LongList keys = new LongList(n * 16);
    String[] sortKey = new String[n];
    MinHash minHash =
        settings.lshBands() > 0
            ? new MinHash(settings.lshBands(), settings.lshRows(), settings.seed())
            : null;
    int firstDate = -1;
    for (int f = 0; f < comparators.size(); f++) {
      if (comparators.get(f) instanceof DateComparator && firstDate < 0) {
        firstDate = f;
      }
    }
    int[] shingles = new int[256];
    for (int r = 0; r < n; r++) {
      final int rec = r;
      Set<String> single = new LinkedHashSet<>();
      int sh = 0;
      for (int f = 0; f < comparators.size(); f++) {
        FieldComparator c = comparators.get(f);
        if (c instanceof NameComparator nc) {
          NameToken[] toks = nc.tokens(rec);
          Set<String> skels = new LinkedHashSet<>();
          for (NameToken t : toks) {
            if (!t.skeleton().isEmpty() && skels.size() < 8) {
              skels.add(t.skeleton());
            }
            String s = "^" + t.skeleton() + "$";
            for (int k = 0; k + 2 <= s.length() && sh < shingles.length; k++) {
              shingles[sh++] = s.substring(k, k + 2).hashCode() * 31 + f;
            }
          }
          if (skels.size() == 1) {
            single.addAll(skels);
          } else {
            tokenPairs(skels, f, rec, keys);
          }
        } else if (c instanceof TextComparator tc && tc.value(rec) != null) {
          String s = tc.value(rec);
          for (int k = 0; k + 3 <= s.length() && sh < shingles.length; k++) {
            shingles[sh++] = s.substring(k, k + 3).hashCode() * 31 + f;
          }
        }
        final int family = FAMILY_FIELD + f;
        if (!(c instanceof NameComparator)) {
          c.blockingKeys(rec, v -> keys.add(pack(family, hash(v), rec)));
        }
      }
      // Names split over single-token fields (given_name, surname) pair across fields.
      if (single.size() >= 2) {
        tokenPairs(single, -1, rec, keys);
      }
      if (minHash != null) {
        minHash.bandKeys(shingles, sh, k -> keys.add(pack(FAMILY_LSH, k, rec)));
      }
      sortKey[rec] = sortKey(rec, firstDate);
    }
    return pairs(records, keys.sorted(), ranks(sortKey));
  }

  /** Every pair of a record's name-token skeletons, order-free. */
  private static void tokenPairs(Set<String> skels, int field, int rec, LongList keys) {
    String[] sk = skels.toArray(new String[0]);
    Arrays.sort(sk);
    for (int i = 0; i < sk.length; i++) {
      for (int j = i + 1; j < sk.length; j++) {
        keys.add(pack(FAMILY_NAME_PAIRS, hash(field + ":" + sk[i] + "|" + sk[j]), rec));
      }
    }
  }

  /**
   * All name-token skeletons of a record, sorted, then the first date: near-identical records sort
   * together.
   */
  private String sortKey(int rec, int firstDate) {
    List<String> sk = new ArrayList<>();
    for (FieldComparator c : comparators) {
      if (c instanceof NameComparator nc) {
        for (NameToken t : nc.tokens(rec)) {
          sk.add(t.skeleton());
        }
      }
    }
    java.util.Collections.sort(sk);
    StringBuilder b = new StringBuilder(String.join(" ", sk));
    if (firstDate >= 0) {
      b.append('|');
      comparators.get(firstDate).blockingKeys(rec, b::append);
    }
    return b.toString();
  }

  private static int[] ranks(String[] sortKey) {
    Integer[] order = new Integer[sortKey.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> sortKey[x].compareTo(sortKey[y]));
    int[] rank = new int[sortKey.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  private Candidates pairs(Records records, long[] keys, int[] rank) {
    int families = familyNames.size();
    long[] emitted = new long[families];
    long[] skipped = new long[families];
    LongList pairs = new LongList(keys.length * 2);
    int max = settings.maxBlockSize();
    int i = 0;
    while (i < keys.length) {
      long key = keys[i] >>> 24;
      int j = i + 1;
      while (j < keys.length && (keys[j] >>> 24) == key) {
        j++;
      }
      int family = (int) (key >>> 35);
      int size = j - i;
      if (size >= 2) {
        if (size <= max) {
          emitted[family] += emit(records, keys, i, j, pairs);
        } else if (family <= FAMILY_LSH) {
          // Too large to compare in full: sort by the record's sort key and compare each record
          // with its next neighbours only (a sorted neighbourhood inside the block).
          long[] sub = new long[size];
          for (int k = i; k < j; k++) {
            int rec = (int) (keys[k] & 0xFFFFFF);
            sub[k - i] = ((long) rank[rec] << 24) | rec;
          }
          Arrays.sort(sub);
          emitted[family] += emitWindow(records, sub, settings.window(), pairs);
          skipped[family] += (long) size * (size - 1) / 2;
        } else {
          skipped[family] += (long) size * (size - 1) / 2;
        }
      }
      i = j;
    }
    long[] distinct = pairs.sortedDistinct();
    Map<String, long[]> perKey = new LinkedHashMap<>();
    for (int f = 0; f < families; f++) {
      if (emitted[f] > 0 || skipped[f] > 0) {
        perKey.put(familyNames.get(f), new long[] {emitted[f], skipped[f]});
      }
    }
    return new Candidates(distinct, perKey);
  }

  private long emitWindow(Records records, long[] block, int window, LongList pairs) {
    long count = 0;
    for (int x = 0; x < block.length; x++) {
      int a = (int) (block[x] & 0xFFFFFF);
      for (int y = x + 1; y < Math.min(block.length, x + 1 + window); y++) {
        int b = (int) (block[y] & 0xFFFFFF);
        if (a == b || (mode == Mode.LINK && records.source[a] == records.source[b])) {
          continue;
        }
        pairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
        count++;
      }
    }
    return count;
  }

  private long emit(Records records, long[] block, int from, int to, LongList pairs) {
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
        pairs.add(((long) lo << 32) | hi);
        count++;
      }
    }
    return count;
  }

  private static long pack(int family, long hash, int rec) {
    return ((long) family << 59) | ((hash & 0x7FFFFFFFFL) << 24) | rec;
  }

  private static long hash(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long h = 0xCBF29CE484222325L;
    for (byte x : b) {
      h ^= x & 0xFF;
      h *= 0x100000001B3L;
    }
    return MinHash.mix(h);
  }
}
