package org.sijill.linkage.compare;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.NameComparison;
import org.sijill.linkage.names.NameToken;
import org.sijill.linkage.names.NameTokens;
import org.sijill.linkage.names.TokenSimilarities;

/**
 * Kind {@code name}: levels 6 same name (same tokens, any order, any script); 5 every token of the
 * shorter name agrees strongly (spelling variants, a missing father's name); 4 as 5, but some
 * tokens agree only up to a keying error (أمد for أحمد); 3 close on average; 2 at least two tokens
 * agree; 1 different (at most one token agrees — sharing "Muhammad" means little); 0 the marks of
 * relatives: some tokens agree but two names known to differ are aligned (Khaled vs Mahmoud with
 * the same father and family: brothers), one name is the other without its given name (a father and
 * his son), or the given names align out of order (neither name read given-first-family-last nor
 * family-first-given-second: Salih Hussain vs Hussain Salih). Levels 4 to 6 are adjusted by token
 * frequency.
 *
 * <p>Why a level of its own for typos: a keying error that happens to be one consonant off another
 * common name (رنا / ايمان, Samir / Samar) is also how two relatives' names differ, so a typo is
 * weaker evidence than a spelling variant; EM weighs it separately.
 */
public final class NameComparator implements FieldComparator {
  /**
   * The field's distinct tokens, most frequent first (ties by text); a token's place here is its
   * number, also in {@link #similarities}.
   */
  private NameToken[] dict;

  /**
   * Every record's tokens as numbers into {@link #dict}, in one array: record i's are {@code
   * flat[start[i] .. start[i + 1])}. Why one flat array rather than an array (and an array of
   * numbers) per record: a candidate's partner is a random record, and at a million records the two
   * objects per name fetched from anywhere in the heap were a third of the time spent comparing
   * names; now a name costs two nearby reads.
   */
  private int[] start;

  private int[] flat;

  /** For each token number, the share of records with a value whose name holds its skeleton. */
  private double[] skeletonShare;

  private TokenSimilarities similarities;
  private Map<String, Integer> skeletonCount;
  private int withValue;

  /**
   * Per record, what every pair reads first, in one long: where its tokens start in {@link #flat}
   * (high 32 bits), how many there are (16 bits; {@link #MANY} for more, then read from {@link
   * #start}) and its value id ({@link #prepareMemo}) plus one (low 16 bits, 0 for none). Why: the
   * partner of a candidate pair is a record anywhere in the list, and at a million records its
   * value number, token start and token end were three cache misses in three arrays for each of the
   * three name fields of a victim list; now one.
   */
  private long[] meta;

  private static final int MANY = 0xFFFF;

  private int memoSide;

  /**
   * Kept levels plus two, kept strong-token bit sets inverted ({@code ~bits}, the sets are at most
   * 31 bits): 0, what a new array holds, is "not yet computed", so the tables need no filling.
   */
  private byte[] levelMemo;

  private int[] strongMemo;
  static final int MEMO = 2048;

  @Override
  public int levels() {
    return 7;
  }

  @Override
  public String label(int level) {
    return switch (level) {
      case 6 -> "same name";
      case 5 -> "all tokens of the shorter name agree";
      case 4 -> "all agree, some up to a keying error";
      case 3 -> "similar";
      case 2 -> "two or more tokens agree";
      case 1 -> "different";
      default -> "relatives: a given name differs, or father and son";
    };
  }

  @Override
  public void prepare(Records records, int field) {
    NameToken[][] tokens = new NameToken[records.size][];
    // each record's tokens on all cores (one shared instance per distinct token, which the counts
    // below rely on); the counts are then taken in record order as before
    Map<String, NameToken> cache = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.stream.IntStream.range(0, records.size)
        .parallel()
        .forEach(
            i -> {
              List<String> toks = NameTokens.forComparison(records.value(i, field));
              NameToken[] arr = new NameToken[toks.size()];
              for (int t = 0; t < arr.length; t++) {
                arr[t] = cache.computeIfAbsent(toks.get(t), NameToken::of);
              }
              tokens[i] = arr;
            });
    Map<NameToken, Integer> uses = new java.util.IdentityHashMap<>();
    skeletonCount = new HashMap<>();
    int total = 0;
    for (int i = 0; i < records.size; i++) {
      NameToken[] arr = tokens[i];
      Set<String> distinct = new HashSet<>();
      for (int t = 0; t < arr.length; t++) {
        uses.merge(arr[t], 1, Integer::sum);
        distinct.add(arr[t].skeleton());
      }
      total += arr.length;
      if (arr.length > 0) {
        withValue++;
        for (String s : distinct) {
          skeletonCount.merge(s, 1, Integer::sum);
        }
      }
    }
    int[] valueId = prepareMemo(tokens);
    NameToken[] byFrequency = uses.keySet().toArray(new NameToken[0]);
    // ties by text: the identity map's order changes from run to run, and so would the memo's
    // contents and the result
    java.util.Arrays.sort(
        byFrequency,
        (p, q) -> {
          int c = Integer.compare(uses.get(q), uses.get(p));
          return c != 0 ? c : p.text().compareTo(q.text());
        });
    dict = byFrequency;
    similarities = new TokenSimilarities(byFrequency);
    Map<NameToken, Integer> number = new java.util.IdentityHashMap<>();
    skeletonShare = new double[dict.length];
    for (int k = 0; k < dict.length; k++) {
      number.put(dict[k], k);
      skeletonShare[k] = skeletonCount.getOrDefault(dict[k].skeleton(), 1) / (double) withValue;
    }
    start = new int[tokens.length + 1];
    flat = new int[total];
    int at = 0;
    for (int i = 0; i < tokens.length; i++) {
      start[i] = at;
      for (NameToken t : tokens[i]) {
        flat[at++] = number.get(t);
      }
    }
    start[tokens.length] = at;
    meta = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      int n = Math.min(MANY, start[i + 1] - start[i]);
      meta[i] = (long) start[i] << 32 | (long) n << 16 | (valueId[i] + 1);
    }
  }

  /**
   * Fills the memo tables and returns each record's value id: the number of its name among the
   * {@link #MEMO} most frequent distinct names of the field (by their normalised tokens), or -1.
   * Why: a field such as the mother's name or the place holds a few hundred distinct values, and
   * the same two values are compared again for most of the tens of millions of candidate pairs; the
   * level and the term frequency of two frequent values are computed once and kept in dense tables.
   */
  private int[] prepareMemo(NameToken[][] tokens) {
    Map<List<NameToken>, Integer> count = new HashMap<>();
    for (NameToken[] t : tokens) {
      if (t.length > 0) {
        count.merge(List.of(t), 1, Integer::sum);
      }
    }
    List<Map.Entry<List<NameToken>, Integer>> byCount = new java.util.ArrayList<>(count.entrySet());
    byCount.sort((p, q) -> Integer.compare(q.getValue(), p.getValue()));
    int size = Math.min(MEMO, byCount.size());
    Map<List<NameToken>, Integer> ids = new HashMap<>();
    for (int i = 0; i < size; i++) {
      ids.put(byCount.get(i).getKey(), i);
    }
    int[] valueId = new int[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      valueId[i] = tokens[i].length == 0 ? -1 : ids.getOrDefault(List.of(tokens[i]), -1);
    }
    memoSide = size;
    levelMemo = new byte[size * size];
    strongMemo = new int[size * size];
    return valueId;
  }

  /** Index in the memo tables of the pair of records with these {@link #meta}, or -1. */
  private int memoIndex(long metaA, long metaB) {
    int x = (int) (metaA & 0xFFFF) - 1;
    int y = (int) (metaB & 0xFFFF) - 1;
    return x < 0 || y < 0 ? -1 : x * memoSide + y;
  }

  /** Where the record's tokens start in {@link #flat}, from its {@link #meta}. */
  private static int from(long meta) {
    return (int) (meta >>> 32);
  }

  /** The record's number of tokens, from its {@link #meta}. */
  private int count(int rec, long meta) {
    int n = (int) (meta >>> 16) & 0xFFFF;
    return n == MANY ? start[rec + 1] - start[rec] : n;
  }

  @Override
  public int level(int a, int b) {
    long ma = meta[a];
    long mb = meta[b];
    int k = memoIndex(ma, mb);
    if (k < 0) {
      return computeLevel(a, ma, b, mb);
    }
    int kept = levelMemo[k];
    if (kept == 0) {
      int l = computeLevel(a, ma, b, mb);
      levelMemo[k] = (byte) (l + 2); // concurrent fills write the same value
      return l;
    }
    return kept - 2;
  }

  @Override
  public long touch(int rec) {
    long m = meta[rec];
    // the first token's number too: with no token, from(m) may be the array's end
    return (m & (0xFFFFL << 16)) == 0 ? m : m ^ flat[from(m)];
  }

  /** The level without the memo. */
  public int computeLevel(int a, int b) {
    return computeLevel(a, meta[a], b, meta[b]);
  }

  private int computeLevel(int a, long metaA, int b, long metaB) {
    int fromA = from(metaA);
    int n = count(a, metaA);
    int fromB = from(metaB);
    int m = count(b, metaB);
    if (n == 0 || m == 0) {
      return MISSING;
    }
    if (n == m && sameTokens(fromA, fromB, n)) {
      // the alignment of a name with itself pairs every token with itself (similarity 1, ties go
      // to the same position): all exact and in order, level 6 — without the alignment
      return 6;
    }
    NameComparison c = NameComparison.of(flat, fromA, n, fromB, m, dict, similarities);
    if (c.exact() == c.aligned() && c.aligned() == c.longer() && c.ordered()) {
      return 6;
    }
    boolean relatives = (c.shifted() && c.aligned() >= 2) || c.conflicts() > 0 || !c.ordered();
    if (relatives && c.strong() >= 1) {
      return 0;
    }
    boolean enough = c.aligned() >= 2 || c.aligned() == c.longer();
    if (c.strong() == c.aligned() && enough) {
      return 5;
    }
    if (!relatives && enough && c.minSimilarity() >= NameComparison.TYPO_CUT) {
      return 4;
    }
    if (!relatives && enough && c.mean() >= 0.8 && c.minSimilarity() >= 0.6) {
      return 3;
    }
    if (!relatives && c.strong() >= 2) {
      return 2;
    }
    return 1;
  }

  /** Whether {@code flat[fromA ..)} and {@code flat[fromB ..)} hold the same n tokens in order. */
  private boolean sameTokens(int fromA, int fromB, int n) {
    for (int t = 0; t < n; t++) {
      if (flat[fromA + t] != flat[fromB + t]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads what {@link #termFactor} reads of the pair (the partner's {@link #meta}, the kept strong
   * tokens) and returns it (any value), as {@link #touch} does for {@link #level}.
   */
  public long touchTerms(int a, int b) {
    long mb = meta[b];
    int k = memoIndex(meta[a], mb);
    return k < 0 ? mb : mb ^ strongMemo[k];
  }

  @Override
  public double termFactor(int a, int b, int level, double uLevel) {
    if (level < 4 || withValue == 0) {
      return 1.0;
    }
    long ma = meta[a];
    long mb = meta[b];
    int k = memoIndex(ma, mb);
    int n = count(a, ma);
    long bits;
    if (k < 0 || n > 31) {
      bits = strongTokens(a, ma, b, mb);
    } else {
      int kept = strongMemo[k];
      if (kept == 0) {
        bits = strongTokens(a, ma, b, mb);
        strongMemo[k] = ~(int) bits; // concurrent fills write the same value
      } else {
        bits = ~kept;
      }
    }
    double p = 1.0;
    int fromA = from(ma);
    for (int t = 0; t < n && t < 64; t++) {
      if ((bits & (1L << t)) != 0) {
        p *= skeletonShare[flat[fromA + t]];
      }
    }
    return Math.max(MIN_NAME_FACTOR, clamp(uLevel / Math.max(p, 1e-12)));
  }

  /** Which of a's tokens agree strongly with b's, as a bit set ({@link NameComparison}). */
  private long strongTokens(int a, long metaA, int b, long metaB) {
    int n = count(a, metaA);
    int m = count(b, metaB);
    if (n == m && n > 0 && n < 64 && sameTokens(from(metaA), from(metaB), n)) {
      return (1L << n) - 1; // a name with itself: every token aligned with itself, similarity 1
    }
    return NameComparison.of(flat, from(metaA), n, from(metaB), m, dict, similarities)
        .strongTokens();
  }

  /**
   * Lower bound of a name's term-frequency factor. The factor multiplies the token frequencies as
   * if independent, and for a short name of common tokens (Hasan Ali inside Hasan Muhammad Ali) it
   * fell to the general floor 0.05, which left most such true pairs unlinked; 0.3 was the best of
   * 0.05 / 0.15 / 0.3 / 0.5 / 1 on synthetic seeds 42 and 1 (checked on seed 2).
   */
  static final double MIN_NAME_FACTOR = 0.3;

  static double clamp(double f) {
    return Math.max(0.05, Math.min(20.0, f));
  }

  @Override
  public void blockingKeys(int rec, Consumer<String> keys) {
    // Keys are built across all name fields by the blocker; see BlockKeys#keys.
  }

  /** Records whose name in this field holds the skeleton (0 if none). */
  public int skeletonCount(String skeleton) {
    return skeletonCount.getOrDefault(skeleton, 0);
  }

  /** The record's tokens (a new array). */
  public NameToken[] tokens(int rec) {
    NameToken[] out = new NameToken[start[rec + 1] - start[rec]];
    for (int t = 0; t < out.length; t++) {
      out[t] = dict[flat[start[rec] + t]];
    }
    return out;
  }
}
