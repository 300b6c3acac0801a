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
   * Per record, what every pair reads of it, in one row of {@link #stride} ints at {@code row0 +
   * (rec << shift)}: first its number of tokens (high 16 bits; {@link #MANY} for more, then read
   * from {@link #start}) and its value id ({@link #prepareMemo}) plus one (low 16 bits, 0 for
   * none), then its token numbers when they fit (fewer than {@link #stride}; longer names are read
   * from {@link #flat}). Why: the partner of a candidate pair is a record anywhere in the list, and
   * at a million records its token count and value id (one array) and then its tokens (another, at
   * an address known only after the first read) were two cache misses, one after the other, for
   * each of the three name fields of a victim list; now one, and rows of 4 or 8 ints never straddle
   * two cache lines (see {@link #ROW0}).
   */
  private int[] rows;

  /** Ints per row of {@link #rows}: 4 or 8, or 16 for fields of long names. */
  private int stride;

  private int shift;

  /**
   * Where record 0's row starts in {@link #rows}: {@link #ROW0}, or further in a row shared with
   * other name fields ({@link #shareRows}).
   */
  private int row0 = ROW0;

  /**
   * Where the first row starts in {@link #rows}: an int array's values start 16 bytes into the
   * object, and a large array (a million records' rows) starts a heap region of the G1 collector,
   * so 12 ints more put every row at a multiple of its size from a 64-byte boundary. Only speed
   * depends on it: elsewhere rows still work, some straddling two lines.
   */
  static final int ROW0 = 12;

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
    // the smallest row that holds 99% of the names whole (their count and up to stride - 1 tokens)
    int[] countOf = new int[17];
    for (NameToken[] t : tokens) {
      countOf[Math.min(16, t.length)]++;
    }
    stride = 16;
    for (int st : new int[] {4, 8}) {
      int fit = 0;
      for (int c = 0; c < st; c++) {
        fit += countOf[c];
      }
      if (fit >= 0.99 * tokens.length) {
        stride = st;
        break;
      }
    }
    shift = Integer.numberOfTrailingZeros(stride);
    rows = new int[ROW0 + (tokens.length << shift)];
    for (int i = 0; i < tokens.length; i++) {
      int n = start[i + 1] - start[i];
      int row = ROW0 + (i << shift);
      rows[row] = Math.min(MANY, n) << 16 | (valueId[i] + 1);
      if (n < stride) {
        System.arraycopy(flat, start[i], rows, row + 1, n);
      }
    }
  }

  /**
   * Puts the rows of several name fields of the same records side by side, one row of at most 16
   * ints (one cache line) per record, when they fit: widest first, so that each field's part starts
   * at a multiple of its width and none straddles two lines. Returns whether they were put together
   * (not for fewer than two fields or more than 16 ints). Why: the read-ahead and the comparison of
   * a candidate pair read the partner's row of every name field, and at a million records the three
   * name fields of a victim list were three cache misses per pair; now one. Changes no answer: each
   * field's row holds the same ints.
   */
  public static boolean shareRows(List<NameComparator> fields) {
    int total = 0;
    for (NameComparator f : fields) {
      total += f.stride;
    }
    if (fields.size() < 2 || total > 16) {
      return false;
    }
    List<NameComparator> widest = new java.util.ArrayList<>(fields);
    widest.sort((p, q) -> Integer.compare(q.stride, p.stride));
    int shared = 32 - Integer.numberOfLeadingZeros(total - 1);
    int n = (widest.get(0).rows.length - ROW0) >> widest.get(0).shift;
    int[] rows = new int[ROW0 + (n << shared)];
    int offset = 0;
    for (NameComparator f : widest) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(
            f.rows, f.row0 + (i << f.shift), rows, ROW0 + offset + (i << shared), f.stride);
      }
      f.rows = rows;
      f.row0 = ROW0 + offset;
      f.shift = shared;
      offset += f.stride;
    }
    return true;
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

  /** The first int of the record's row ({@link #rows}): its token count and value id. */
  private int head(int rec) {
    return rows[row0 + (rec << shift)];
  }

  /** Index in the memo tables of the pair of records with these {@link #head}s, or -1. */
  private int memoIndex(int headA, int headB) {
    int x = (headA & 0xFFFF) - 1;
    int y = (headB & 0xFFFF) - 1;
    return x < 0 || y < 0 ? -1 : x * memoSide + y;
  }

  /** The record's number of tokens, from its {@link #head}. */
  private int count(int rec, int head) {
    int n = head >>> 16;
    return n == MANY ? start[rec + 1] - start[rec] : n;
  }

  /** The array holding the tokens of a record of n tokens: its row, or {@link #flat}. */
  private int[] tokensIn(int n) {
    return n < stride ? rows : flat;
  }

  /** Where the tokens of record {@code rec} (n of them) start in {@link #tokensIn}{@code (n)}. */
  private int tokensFrom(int rec, int n) {
    return n < stride ? row0 + (rec << shift) + 1 : start[rec];
  }

  @Override
  public int level(int a, int b) {
    int ha = head(a);
    int hb = head(b);
    int k = memoIndex(ha, hb);
    if (k < 0) {
      return computeLevel(a, ha, b, hb);
    }
    int kept = levelMemo[k];
    if (kept == 0) {
      int l = computeLevel(a, ha, b, hb);
      levelMemo[k] = (byte) (l + 2); // concurrent fills write the same value
      return l;
    }
    return kept - 2;
  }

  @Override
  public long touch(int rec) {
    // the row's first token too (any value when there is none: a row has 4 ints at least)
    int at = row0 + (rec << shift);
    return rows[at] ^ rows[at + 1];
  }

  /** The level without the memo. */
  public int computeLevel(int a, int b) {
    return computeLevel(a, head(a), b, head(b));
  }

  private int computeLevel(int a, int headA, int b, int headB) {
    int n = count(a, headA);
    int m = count(b, headB);
    if (n == 0 || m == 0) {
      return MISSING;
    }
    int[] inA = tokensIn(n);
    int fromA = tokensFrom(a, n);
    int[] inB = tokensIn(m);
    int fromB = tokensFrom(b, m);
    if (n == m && sameTokens(inA, fromA, inB, fromB, n)) {
      // the alignment of a name with itself pairs every token with itself (similarity 1, ties go
      // to the same position): all exact and in order, level 6 — without the alignment
      return 6;
    }
    NameComparison c = NameComparison.of(inA, fromA, n, inB, fromB, m, dict, similarities);
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

  /** Whether {@code inA[fromA ..)} and {@code inB[fromB ..)} hold the same n tokens in order. */
  private static boolean sameTokens(int[] inA, int fromA, int[] inB, int fromB, int n) {
    for (int t = 0; t < n; t++) {
      if (inA[fromA + t] != inB[fromB + t]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads what {@link #termFactor} reads of the pair (the partner's {@link #head}, the kept strong
   * tokens) and returns it (any value), as {@link #touch} does for {@link #level}.
   */
  public long touchTerms(int a, int b) {
    int hb = head(b);
    int k = memoIndex(head(a), hb);
    return k < 0 ? hb : hb ^ strongMemo[k];
  }

  @Override
  public boolean adjustsByTermFrequency() {
    return true;
  }

  @Override
  public double termFactor(int a, int b, int level, double uLevel) {
    if (level < 4 || withValue == 0) {
      return 1.0;
    }
    int ha = head(a);
    int hb = head(b);
    int k = memoIndex(ha, hb);
    int n = count(a, ha);
    long bits;
    if (k < 0 || n > 31) {
      bits = strongTokens(a, ha, b, hb);
    } else {
      int kept = strongMemo[k];
      if (kept == 0) {
        bits = strongTokens(a, ha, b, hb);
        strongMemo[k] = ~(int) bits; // concurrent fills write the same value
      } else {
        bits = ~kept;
      }
    }
    double p = 1.0;
    int[] inA = tokensIn(n);
    int fromA = tokensFrom(a, n);
    for (int t = 0; t < n && t < 64; t++) {
      if ((bits & (1L << t)) != 0) {
        p *= skeletonShare[inA[fromA + t]];
      }
    }
    return Math.max(MIN_NAME_FACTOR, clamp(uLevel / Math.max(p, 1e-12)));
  }

  /** Which of a's tokens agree strongly with b's, as a bit set ({@link NameComparison}). */
  private long strongTokens(int a, int headA, int b, int headB) {
    int n = count(a, headA);
    int m = count(b, headB);
    int[] inA = tokensIn(n);
    int fromA = tokensFrom(a, n);
    int[] inB = tokensIn(m);
    int fromB = tokensFrom(b, m);
    if (n == m && n > 0 && n < 64 && sameTokens(inA, fromA, inB, fromB, n)) {
      return (1L << n) - 1; // a name with itself: every token aligned with itself, similarity 1
    }
    return NameComparison.of(inA, fromA, n, inB, fromB, m, dict, similarities).strongTokens();
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
