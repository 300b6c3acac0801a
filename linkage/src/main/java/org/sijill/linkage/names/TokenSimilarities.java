package org.sijill.linkage.names;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Memo of {@link NameToken#similarity} for the most frequent tokens of a field. Why: the same few
 * hundred names (Muhammad, Ahmad, al-Hasan…) are compared against each other millions of times, and
 * Jaro-Winkler on their skeletons and spellings dominated the run time. Tokens are numbered by
 * decreasing frequency; pairs of the first {@link #SIZE} are kept in a dense table (16 MB), others
 * computed each time. Tokens are the comparator's shared instances, looked up by identity.
 * Concurrent fills write the same value, so no locking is needed.
 *
 * <p>A pair is kept once, at (lower number, higher number): {@link NameToken#similarity} and {@link
 * NameToken#conflicts} are symmetric (Jaro-Winkler, the one-edit test and the lexicon's tests all
 * are; {@code SpeedPathsTest} checks it), so the other order would keep the same value. Why: the
 * candidate pairs of a large list ask both orders of most pairs of frequent tokens, and each
 * first-time value cost a Jaro-Winkler or two, a tenth of comparing at a million records; the half
 * of the table in use is also half the memory the look-ups wander over.
 *
 * <p>Every similarity it returns is rounded to float, the table's precision, whether kept or not:
 * the cuts ({@link NameComparison#TYPO_CUT}) are float values, and a typo between two rare tokens
 * (0.86 as a double, just below the float cut) fell to a lower level than the same typo between two
 * frequent ones — at a million records most typo tokens are rare.
 */
public final class TokenSimilarities {
  static final int SIZE = 2048;

  private final Map<NameToken, Integer> ids;
  private final int size;

  /**
   * Kept similarities as their float's bits plus one; 0 (what a new array holds) until computed.
   * Why not NaN for unknown: filling the table (up to 4M entries per name field) before a run was a
   * twentieth of a small link's samples; a new array is zero already.
   */
  private final int[] table;

  /**
   * {@link NameToken#conflicts} of the same pairs, {@link #UNKNOWN} until asked: the alignment asks
   * it of every weakly aligned pair, and at 100k records lexicon look-ups and Jaro-Winkler for it
   * were a sixth of the time spent comparing names.
   */
  private final byte[] conflicts;

  private static final byte UNKNOWN = 0;
  private static final byte CONFLICT = 1;
  private static final byte NO_CONFLICT = 2;

  /**
   * The table is as large as the tokens need, at most {@link #SIZE} squared: the review desk's
   * waterfall prepares a comparator for two records at every key press, and a full table each time
   * (16 MB per name field, filled) was the largest part of the server's work for the next pair.
   *
   * @param byFrequency distinct tokens, most frequent first
   */
  public TokenSimilarities(NameToken[] byFrequency) {
    ids = new IdentityHashMap<>();
    size = Math.min(SIZE, byFrequency.length);
    for (int i = 0; i < size; i++) {
      ids.put(byFrequency[i], i);
    }
    table = new int[size * size];
    conflicts = new byte[size * size];
  }

  /**
   * The number in the table of the token at {@code rank} in the array this was built from, or -1:
   * tokens are numbered in that order, so the first {@link #SIZE} keep their rank.
   */
  public int numbered(int rank) {
    return rank < size ? rank : -1;
  }

  /** The token's number in the table, or -1. */
  public int id(NameToken t) {
    Integer x = ids.get(t);
    return x == null ? -1 : x;
  }

  public double get(int x, int y, NameToken a, NameToken b) {
    if (x < 0 || y < 0) {
      return (float) a.similarity(b);
    }
    return x <= y ? kept(x * size + y, a, b) : kept(y * size + x, b, a);
  }

  /**
   * The similarity of {@code dict[x]} and {@code dict[y]}, where {@code dict} is the array this was
   * built from (tokens most frequent first): the same as {@link #get(int, int, NameToken,
   * NameToken)} with their {@link #numbered} numbers, fetching the tokens only when the value is
   * not kept.
   */
  public double get(int x, int y, NameToken[] dict) {
    if (x == y) {
      // a token with itself (the same text): 1, as computed; names that share tokens (most
      // candidate pairs: blocking keys are pairs of names) ask this for each shared one, and the
      // kept value is a read from anywhere in the table
      return 1.0;
    }
    if (x >= size || y >= size) {
      return (float) dict[x].similarity(dict[y]);
    }
    int lo = Math.min(x, y);
    int hi = Math.max(x, y);
    int k = lo * size + hi;
    int bits = table[k];
    return bits != 0 ? Float.intBitsToFloat(bits - 1) : keep(k, dict[lo], dict[hi]);
  }

  /** {@code dict[x].conflicts(dict[y])}, as {@link #get(int, int, NameToken[])} for similarity. */
  public boolean conflicts(int x, int y, NameToken[] dict) {
    if (x >= size || y >= size) {
      return dict[x].conflicts(dict[y]);
    }
    int lo = Math.min(x, y);
    int hi = Math.max(x, y);
    int k = lo * size + hi;
    byte c = conflicts[k];
    return c == UNKNOWN ? keepConflict(k, dict[lo], dict[hi]) : c == CONFLICT;
  }

  /**
   * {@code a.conflicts(b)}, kept for tokens numbered {@code x} and {@code y} (-1: not in the
   * table).
   */
  public boolean conflicts(int x, int y, NameToken a, NameToken b) {
    if (x < 0 || y < 0) {
      return a.conflicts(b);
    }
    int k = Math.min(x, y) * size + Math.max(x, y);
    byte c = conflicts[k];
    return c == UNKNOWN ? keepConflict(k, x <= y ? a : b, x <= y ? b : a) : c == CONFLICT;
  }

  /** Computes whether {@code a} and {@code b} conflict and keeps it at {@code k}. */
  private boolean keepConflict(int k, NameToken a, NameToken b) {
    boolean c = a.conflicts(b);
    conflicts[k] = c ? CONFLICT : NO_CONFLICT; // concurrent fills write the same value
    return c;
  }

  public double get(NameToken a, NameToken b) {
    Integer x = ids.get(a);
    Integer y = ids.get(b);
    if (x == null || y == null) {
      return (float) a.similarity(b);
    }
    return get(x, y, a, b);
  }

  /** The similarity kept at {@code k}, computed and kept first if unknown. */
  private double kept(int k, NameToken a, NameToken b) {
    int bits = table[k];
    return bits != 0 ? Float.intBitsToFloat(bits - 1) : keep(k, a, b);
  }

  /** Computes the similarity of {@code a} and {@code b} and keeps it at {@code k}. */
  private double keep(int k, NameToken a, NameToken b) {
    float v = (float) a.similarity(b);
    table[k] = Float.floatToRawIntBits(v) + 1; // ≥ 1: similarities are not negative
    return v;
  }
}
