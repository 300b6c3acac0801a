package org.sijill.linkage.blocking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.compare.DateComparator;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.compare.NumberComparator;
import org.sijill.linkage.compare.TextComparator;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.NameToken;

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
 *   <li>{@code lsh}: MinHash/LSH bands over skeleton bigrams and text trigrams (typos everywhere);
 *   <li>one key per exact, date and text field: the value itself (an id number, a birth date).
 * </ul>
 *
 * <p>Comparisons stay near-linear: a name-pair block larger than {@code maxBlockSize} is split by a
 * second attribute into sub-blocks, unioned (see {@link #split}); an oversized LSH block (common
 * names, which the split name-pair blocks reach) or block of a single field value (sex, a common
 * date) is skipped. The "skipped" count is the pairs of oversized blocks that were not compared in
 * full. Keys are hashed to 35 bits with a 5-bit family tag and packed with a 24-bit record index
 * into one long, so grouping is one primitive sort.
 */
public final class Blocker {
  private static final int FAMILY_NAME_PAIRS = 0;
  private static final int FAMILY_LSH = 1;
  private static final int FAMILY_TOKEN_INITIAL = 2;
  private static final int FAMILY_TOKEN_BAND = 3;
  private static final int FAMILY_FIELD = 4;

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

  /**
   * A token+initial block is compared in full up to maxBlockSize / TOKEN_INITIAL_SHARE records and
   * skipped above: the key is loose (one token and a letter), so only a small block is evidence.
   */
  private static final int TOKEN_INITIAL_SHARE = 5;

  /**
   * A token+age block is compared in full up to maxBlockSize / TOKEN_BAND_SHARE records and skipped
   * above, like token+initial: one shared token and a near age are loose evidence.
   */
  private static final int TOKEN_BAND_SHARE = 5;

  /**
   * A name token held by more than TOKEN_BAND_HOLDERS times the token+age cap records in its field
   * gets no token+age keys: spread over the age bands its blocks would be over the cap anyway (a
   * common given name), and a key per band would only add to the sort.
   */
  private static final int TOKEN_BAND_HOLDERS = 20;

  /** Width of the overlapping bands a number (an age, in years) is split by. */
  private static final int NUMBER_BAND = 4;

  /** Width of the overlapping bands a date is split by, in days. */
  private static final int DATE_BAND = 4;

  private final Settings settings;
  private final Mode mode;
  private final List<FieldComparator> comparators;
  private final List<String> familyNames = new ArrayList<>();

  /** Split values of record r: split[splitStart[r] .. splitStart[r + 1]). */
  private int[] splitStart;

  private long[] split;

  /** Each record's rank in sort order (name skeletons, then first date). */
  private int[] rank;

  private final MinHash minHash;
  private final int firstDate;
  private final int holders;

  /** Number of split paths: (fields + 1)² (first and second split field, or none). */
  private final int paths;

  /** Result: distinct candidate pairs (i << 32 | j, i < j) and per-key statistics. */
  public record Candidates(long[] pairs, Map<String, long[]> perKey) {}

  public Blocker(Settings settings, Mode mode, List<FieldComparator> comparators) {
    this.settings = settings;
    this.mode = mode;
    this.comparators = comparators;
    familyNames.add("name-pairs");
    familyNames.add("lsh");
    familyNames.add("token+initial");
    List<String> numbers = new ArrayList<>();
    for (FieldSpec f : settings.fields()) {
      if (f.kind() == Kind.NUMBER) {
        numbers.add(f.column());
      }
    }
    familyNames.add("token+" + (numbers.isEmpty() ? "number" : String.join("/", numbers)));
    for (FieldSpec f : settings.fields()) {
      familyNames.add(f.column());
    }
    minHash =
        settings.lshBands() > 0
            ? new MinHash(settings.lshBands(), settings.lshRows(), settings.seed())
            : null;
    int first = -1;
    for (int f = 0; f < comparators.size(); f++) {
      if (comparators.get(f) instanceof DateComparator && first < 0) {
        first = f;
      }
    }
    firstDate = first;
    holders = TOKEN_BAND_HOLDERS * tokenBandCap();
    paths = (comparators.size() + 1) * (comparators.size() + 1);
  }

  public Candidates candidates(Records records) {
    return candidates(records, done -> {});
  }

  /** As {@link #candidates(Records)}, telling {@code done} how many records' keys are blocked. */
  public Candidates candidates(Records records, LongConsumer done) {
    index(records);
    int n = records.size;
    LongList keys = new LongList(n * 16);
    for (int r = 0; r < n; r++) {
      keys(r, keys::add);
    }
    long[] sorted = keys.sorted();
    long[] stats = newStats();
    LongList pairs = new LongList(sorted.length * 2);
    int i = 0;
    int blocks = 0;
    while (i < sorted.length) {
      int j = next(sorted, i);
      block(records, sorted, i, j, pairs::add, stats);
      i = j;
      if (++blocks % 256 == 0) {
        done.accept(i);
      }
    }
    done.accept(sorted.length);
    return new Candidates(pairs.sortedDistinct(), perKey(stats));
  }

  /**
   * Computes what blocks need of every record besides its keys: the values an oversized block is
   * split by and each record's rank in sort order (for the sorted neighbourhood). Call once before
   * {@link #block}.
   */
  public void index(Records records) {
    int n = records.size;
    String[] sortKey = new String[n];
    int[] splitStart = new int[n + 1];
    LongList splitValues = new LongList(n * 8);
    for (int rec = 0; rec < n; rec++) {
      splitStart[rec] = splitValues.size();
      splitValues(rec, splitValues);
      sortKey[rec] = sortKey(rec, firstDate);
    }
    splitStart[n] = splitValues.size();
    this.splitStart = splitStart;
    this.split = splitValues.toArray();
    this.rank = ranks(sortKey);
  }

  /**
   * The blocking keys of one record: family (5 bits), key hash (35 bits), record index (24 bits).
   * Records that share the top 40 bits are in one block. Safe to call from several threads.
   */
  public void keys(int rec, LongConsumer keys) {
    int[] shingles = new int[256];
    LongList numberBands = new LongList(8);
    numberBands(rec, numberBands);
    Set<String> single = new LinkedHashSet<>();
    int sh = 0;
    for (int f = 0; f < comparators.size(); f++) {
      FieldComparator c = comparators.get(f);
      if (c instanceof NameComparator nc) {
        NameToken[] toks = nc.tokens(rec);
        Set<String> skels = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (NameToken t : toks) {
          if (!t.skeleton().isEmpty() && skels.size() < 8 && !skels.add(t.skeleton())) {
            twice.add(t.skeleton());
          }
          String s = "^" + t.skeleton() + "$";
          for (int k = 0; k + 2 <= s.length() && sh < shingles.length; k++) {
            shingles[sh++] = s.substring(k, k + 2).hashCode() * 31 + f;
          }
        }
        tokenBands(skels, nc, f, numberBands, holders, rec, keys);
        if (skels.size() == 1) {
          single.addAll(skels);
        } else {
          tokenPairs(skels, f, rec, keys);
          tokenInitials(skels, f, rec, keys);
        }
        // A skeleton written twice (حسن الحسيني, Hani Hani: given and family name alike) pairs
        // with itself, so such a name still has a name-pair key.
        for (String t : twice) {
          keys.accept(pack(FAMILY_NAME_PAIRS, hash(f + ":" + t + "|" + t), rec));
        }
      } else if (c instanceof TextComparator tc && tc.value(rec) != null) {
        String s = tc.value(rec);
        for (int k = 0; k + 3 <= s.length() && sh < shingles.length; k++) {
          shingles[sh++] = s.substring(k, k + 3).hashCode() * 31 + f;
        }
      }
      final int family = FAMILY_FIELD + f;
      if (!(c instanceof NameComparator)) {
        c.blockingKeys(rec, v -> keys.accept(pack(family, hash(v), rec)));
      }
    }
    // Names split over single-token fields (given_name, surname) pair across fields.
    if (single.size() >= 2) {
      tokenPairs(single, -1, rec, keys);
      tokenInitials(single, -1, rec, keys);
    }
    if (minHash != null) {
      minHash.bandKeys(shingles, sh, k -> keys.accept(pack(FAMILY_LSH, k, rec)));
    }
  }

  /**
   * The values an oversized block is split by, one long each: the field index in the top 5 bits, a
   * hash of the value below. Name fields give each token skeleton (so a name-pair block splits into
   * name-token triples), number and date fields a band in each of two tilings offset by half a band
   * (two values within half a band always share one), text and exact fields the value.
   */
  private void splitValues(int rec, LongList out) {
    for (int f = 0; f < comparators.size(); f++) {
      FieldComparator c = comparators.get(f);
      final int field = f;
      if (c instanceof NameComparator nc) {
        Set<String> seen = new LinkedHashSet<>();
        for (NameToken t : nc.tokens(rec)) {
          if (!t.skeleton().isEmpty() && seen.size() < 8 && seen.add(t.skeleton())) {
            out.add(splitValue(field, hash(t.skeleton())));
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
        c.blockingKeys(rec, v -> out.add(splitValue(field, hash(v))));
      }
    }
  }

  /** Largest token+age block compared in full. */
  private int tokenBandCap() {
    return Math.max(2, settings.maxBlockSize() / TOKEN_BAND_SHARE);
  }

  /** The bands of each number field (an age), two overlapping tilings, for the token+age key. */
  private void numberBands(int rec, LongList out) {
    out.clear();
    for (int f = 0; f < comparators.size(); f++) {
      if (comparators.get(f) instanceof NumberComparator num) {
        double v = num.value(rec);
        if (!Double.isNaN(v)) {
          bands((long) Math.floor(v), NUMBER_BAND, f, out);
        }
      }
    }
  }

  /**
   * Each name-token skeleton of one name field with each band of a number field: a pair that shares
   * one token, has a typo in every other and ages within half a band (2 years) shares such a key.
   * Tokens held by more than {@code holders} records of the field are left out.
   */
  private static void tokenBands(
      Set<String> skels,
      NameComparator nc,
      int field,
      LongList bands,
      int holders,
      int rec,
      LongConsumer keys) {
    if (bands.size() == 0) {
      return;
    }
    for (String t : skels) {
      if (nc.skeletonCount(t) > holders) {
        continue;
      }
      long h = hash(field + "#" + t);
      for (int b = 0; b < bands.size(); b++) {
        keys.accept(
            pack(FAMILY_TOKEN_BAND, MinHash.mix(h * 0x9E3779B97F4A7C15L + bands.get(b)), rec));
      }
    }
  }

  private static void bands(long v, int width, int field, LongList out) {
    out.add(splitValue(field, MinHash.mix(Math.floorDiv(v, width) * 2)));
    out.add(splitValue(field, MinHash.mix(Math.floorDiv(v + width / 2, width) * 2 + 1)));
  }

  private static long splitValue(int field, long hash) {
    return ((long) field << 59) | (hash & 0x07FFFFFFFFFFFFFFL);
  }

  /** Every pair of a record's name-token skeletons, order-free. */
  private static void tokenPairs(Set<String> skels, int field, int rec, LongConsumer keys) {
    String[] sk = skels.toArray(new String[0]);
    Arrays.sort(sk);
    for (int i = 0; i < sk.length; i++) {
      for (int j = i + 1; j < sk.length; j++) {
        keys.accept(pack(FAMILY_NAME_PAIRS, hash(field + ":" + sk[i] + "|" + sk[j]), rec));
      }
    }
  }

  /**
   * Each name-token skeleton with the first letter of each other token of the name: a pair that
   * shares one token and has a typo past the first letter of another shares such a key.
   */
  private static void tokenInitials(Set<String> skels, int field, int rec, LongConsumer keys) {
    Set<String> seen = new java.util.HashSet<>();
    for (String t : skels) {
      for (String u : skels) {
        if (!u.equals(t) && seen.add(t + "|" + u.charAt(0))) {
          keys.accept(pack(FAMILY_TOKEN_INITIAL, hash(field + "~" + t + "|" + u.charAt(0)), rec));
        }
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

  /**
   * Statistics of {@link #block} calls: pairs emitted and skipped per key family and split path.
   */
  public long[] newStats() {
    return new long[2 * familyNames.size() + 2 * paths];
  }

  /** Adds the statistics {@code from} into {@code into}. */
  public static void addStats(long[] into, long[] from) {
    for (int k = 0; k < into.length; k++) {
      into[k] += from[k];
    }
  }

  /**
   * The candidate pairs of one block: {@code keys[from..to)} are sorted keys of one block (the same
   * top 40 bits). Emits pairs (i << 32 | j, i < j; not distinct) and counts them into {@code
   * stats}. Safe to call from several threads after {@link #index} (each with its own stats).
   */
  public void block(
      Records records, long[] keys, int from, int to, LongConsumer pairs, long[] stats) {
    int families = familyNames.size();
    int max = settings.maxBlockSize();
    long key = keys[from] >>> 24;
    int family = (int) (key >>> 35);
    int size = to - from;
    if (size < 2) {
      return;
    }
    if (family == FAMILY_TOKEN_INITIAL || family == FAMILY_TOKEN_BAND) {
      // Looser than a token pair: compared only where the block is small.
      int cap =
          family == FAMILY_TOKEN_INITIAL ? Math.max(2, max / TOKEN_INITIAL_SHARE) : tokenBandCap();
      if (size <= cap) {
        stats[family] += emit(records, keys, from, to, pairs);
      } else {
        stats[families + family] += (long) size * (size - 1) / 2;
      }
    } else if (size <= max) {
      stats[family] += emit(records, keys, from, to, pairs);
    } else if (family == FAMILY_NAME_PAIRS) {
      // Too large to compare in full: split by a second attribute (see split).
      stats[families + family] += (long) size * (size - 1) / 2;
      int[] recs = new int[size];
      for (int k = from; k < to; k++) {
        recs[k - from] = (int) (keys[k] & 0xFFFFFF);
      }
      split(records, recs, key & 0x7FFFFFFFFL, rank, pairs, stats);
    } else {
      stats[families + family] += (long) size * (size - 1) / 2;
    }
  }

  /** Pairs emitted and skipped per key family (and name-pair split path) from block statistics. */
  public Map<String, long[]> perKey(long[] stats) {
    int families = familyNames.size();
    int se = 2 * families;
    int ss = 2 * families + paths;
    Map<String, long[]> perKey = new LinkedHashMap<>();
    for (int f = 0; f < families; f++) {
      if (stats[f] > 0 || stats[families + f] > 0) {
        perKey.put(familyNames.get(f), new long[] {stats[f], stats[families + f]});
      }
      for (int p = 1; f == FAMILY_NAME_PAIRS && p < paths; p++) {
        if (stats[se + p] > 0 || stats[ss + p] > 0) {
          perKey.put(pathName(f, p), new long[] {stats[se + p], stats[ss + p]});
        }
      }
    }
    return perKey;
  }

  /**
   * Splits an oversized name-pair block by a second attribute: every record goes into one sub-block
   * per split value (another name token, an age band, a date band, …), keyed by the block key and
   * the value, so a record missing one attribute is still reached through another. A sub-block
   * within the cap is compared in full. A larger one is split again by a later field, but only by
   * values whose own sub-block was oversized too (a pair sharing a value with a small sub-block has
   * been compared there already); what is still oversized then is compared as a sorted
   * neighbourhood. A value every record of the block shares (a token of the key itself) does not
   * split it.
   */
  private void split(
      Records records, int[] recs, long root, int[] rank, LongConsumer pairs, long[] stats) {
    int se = 2 * familyNames.size();
    int ss = se + paths;
    long[] keys = subBlocks(recs, root, -1, root, null);
    int max = Math.max(2, settings.maxBlockSize() / SUB_BLOCK_SHARE);
    int stride = comparators.size() + 1;
    Set<Long> oversized = new java.util.HashSet<>();
    List<int[]> deeper = new ArrayList<>();
    List<Long> deeperKeys = new ArrayList<>();
    int i = 0;
    while (i < keys.length) {
      long key = keys[i] >>> 24;
      int j = next(keys, i);
      int size = j - i;
      int field = (int) (key >>> 35);
      int at = (field + 1) * stride;
      if (size >= 2 && size * NARROWING <= recs.length) {
        if (size <= max) {
          stats[se + at] += emit(records, keys, i, j, pairs);
        } else {
          stats[ss + at] += (long) size * (size - 1) / 2;
          oversized.add(key);
          deeper.add(records(keys, i, j));
          deeperKeys.add(key);
        }
      }
      i = j;
    }
    for (int d = 0; d < deeper.size(); d++) {
      long key = deeperKeys.get(d);
      int first = (int) (key >>> 35);
      int at = (first + 1) * stride;
      int[] inner = deeper.get(d);
      long[] sub = subBlocks(inner, key & 0x7FFFFFFFFL, first, root, oversized);
      int k = 0;
      while (k < sub.length) {
        int e = next(sub, k);
        int size = e - k;
        int second = (int) (sub[k] >>> 59);
        if (size >= 2 && size * 2 <= inner.length) {
          if (size <= max) {
            stats[se + at + second + 1] += emit(records, sub, k, e, pairs);
          } else {
            stats[ss + at + second + 1] += (long) size * (size - 1) / 2;
            int[] rest = records(sub, k, e);
            long[] sorted = new long[size];
            for (int x = 0; x < size; x++) {
              sorted[x] = ((long) rank[rest[x]] << 24) | rest[x];
            }
            Arrays.sort(sorted);
            stats[se + at + second + 1] += emitWindow(records, sorted, settings.window(), pairs);
          }
        }
        k = e;
      }
    }
  }

  /**
   * Sub-block keys of the given records under a parent key (field, 35-bit hash, record), sorted.
   * Only fields after {@code after}; with {@code oversized}, only values whose sub-block of the
   * {@code root} block was itself oversized.
   */
  private long[] subBlocks(int[] recs, long parent, int after, long root, Set<Long> oversized) {
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

  /** Field (5 bits) and 35-bit hash of the sub-block of a parent key for one split value. */
  private static long subKey(long parent, long v) {
    long h = MinHash.mix(parent * 0x9E3779B97F4A7C15L + v);
    return ((v >>> 59) << 35) | (h & 0x7FFFFFFFFL);
  }

  private static int next(long[] keys, int i) {
    long key = keys[i] >>> 24;
    int j = i + 1;
    while (j < keys.length && (keys[j] >>> 24) == key) {
      j++;
    }
    return j;
  }

  private static int[] records(long[] keys, int from, int to) {
    int[] out = new int[to - from];
    for (int k = from; k < to; k++) {
      out[k - from] = (int) (keys[k] & 0xFFFFFF);
    }
    return out;
  }

  /**
   * "name-pairs+age", "name-pairs+age+date_of_death": the family and the fields of a split path.
   */
  private String pathName(int family, int p) {
    int stride = comparators.size() + 1;
    StringBuilder b = new StringBuilder(familyNames.get(family));
    int first = p / stride;
    int second = p % stride;
    if (first > 0) {
      b.append('+').append(settings.fields().get(first - 1).column());
    }
    if (second > 0) {
      b.append('+').append(settings.fields().get(second - 1).column());
    }
    return b.toString();
  }

  private long emitWindow(Records records, long[] block, int window, LongConsumer pairs) {
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

  private long emit(Records records, long[] block, int from, int to, LongConsumer pairs) {
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
