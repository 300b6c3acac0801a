package org.sijill.linkage.names;

import java.util.List;

/**
 * The best one-to-one alignment of two tokenised names, order-free: given, father, grandfather and
 * family names may come in any order, and the shorter name may lack some of them.
 *
 * <p>Greedy on the similarity matrix (highest pair first); names have a handful of tokens, so this
 * equals the optimal assignment in practice and costs a few dozen comparisons.
 *
 * @param mean mean similarity of the aligned pairs (0 when a side is empty)
 * @param aligned number of aligned pairs (= the shorter name's token count)
 * @param strong aligned pairs with similarity ≥ 0.88
 * @param exact aligned pairs with similarity 1
 * @param longer token count of the longer name
 * @param minSimilarity the weakest aligned pair
 * @param strongTokens indexes into the first name's tokens of the strong pairs, as a bit set
 * @param conflicts aligned pairs of two names known to differ (Khaled vs Mahmoud) or with nothing
 *     alike: the mark of relatives, not of spelling variants
 * @param shifted the shorter name is the longer one without its first token, aligned in place
 *     (Khaled Mustafa al-Nader inside Hasan Khaled Mustafa al-Nader): a father and his son, since a
 *     list drops a father's or grandfather's name, not the person's own given name
 */
public record NameComparison(
    double mean,
    int aligned,
    int strong,
    int exact,
    int longer,
    double minSimilarity,
    long strongTokens,
    int conflicts,
    boolean shifted,
    boolean ordered) {

  public static final double STRONG = 0.88;

  /**
   * A keying error ({@link NameToken#TYPO}) as the similarity cache stores it: {@link
   * TokenSimilarities} keeps floats, slightly below the double value.
   */
  public static final double TYPO_CUT = (float) NameToken.TYPO;

  public static NameComparison of(List<NameToken> a, List<NameToken> b) {
    return of(a.toArray(new NameToken[0]), b.toArray(new NameToken[0]), null);
  }

  /**
   * One thread's working memory for {@link #of}: the similarity matrix, the partners, and the two
   * names' token numbers when they come from a flat layout ({@link #of(int[], int, int, int, int,
   * NameToken[], TokenSimilarities)}). One thread-local look-up per comparison.
   */
  private static final class Scratch {
    final double[] sim = new double[64];
    final int[] partner = new int[128];
    final int[] ia = new int[63];
    final int[] ib = new int[63];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** As {@link #of(List, List)}, with an optional cache of token similarities. */
  public static NameComparison of(NameToken[] a, NameToken[] b, TokenSimilarities cache) {
    return of(a, b, null, null, cache);
  }

  /**
   * As {@link #of(List, List)}; {@code ia}/{@code ib} are the tokens' numbers in {@code cache} (-1
   * when not cached), or null. Allocation-free for names up to 8 × 8 tokens: this runs for every
   * candidate pair.
   */
  public static NameComparison of(
      NameToken[] a, NameToken[] b, int[] ia, int[] ib, TokenSimilarities cache) {
    int n = a.length;
    int m = b.length;
    if (n == 0 || m == 0) {
      return new NameComparison(0, 0, 0, 0, Math.max(n, m), 0, 0, 0, false, true);
    }
    if (n > 63 || m > 63) {
      return of(java.util.Arrays.copyOf(a, 63), java.util.Arrays.copyOf(b, 63), null);
    }
    return of(a, n, b, m, ia, ib, null, cache, SCRATCH.get());
  }

  /**
   * As {@link #of(NameToken[], NameToken[], int[], int[], TokenSimilarities)} for two names kept in
   * one flat array of token numbers: {@code flat[fromA .. fromA + n)} and {@code flat[fromB ..
   * fromB + m)} index {@code dict}, the field's distinct tokens most frequent first, from which
   * {@code cache} was built ({@link TokenSimilarities#TokenSimilarities}); a token's number is then
   * its number in the cache. Why: at a million records, fetching each record's own token arrays
   * (two objects per name, anywhere in the heap) was a third of the time spent comparing names.
   */
  public static NameComparison of(
      int[] flat, int fromA, int n, int fromB, int m, NameToken[] dict, TokenSimilarities cache) {
    return of(flat, fromA, n, flat, fromB, m, dict, cache);
  }

  /**
   * As {@link #of(int[], int, int, int, int, NameToken[], TokenSimilarities)} with each name's
   * token numbers in an array of its own: {@code inA[fromA .. fromA + n)} and {@code inB[fromB ..
   * fromB + m)} (a comparator keeps short names in per-record rows and long ones in a flat array).
   */
  public static NameComparison of(
      int[] inA,
      int fromA,
      int n,
      int[] inB,
      int fromB,
      int m,
      NameToken[] dict,
      TokenSimilarities cache) {
    if (n == 0 || m == 0 || n > 63 || m > 63) {
      NameToken[] a = new NameToken[n];
      NameToken[] b = new NameToken[m];
      int[] ia = new int[n];
      int[] ib = new int[m];
      for (int i = 0; i < n; i++) {
        a[i] = dict[inA[fromA + i]];
        ia[i] = cache.numbered(inA[fromA + i]);
      }
      for (int j = 0; j < m; j++) {
        b[j] = dict[inB[fromB + j]];
        ib[j] = cache.numbered(inB[fromB + j]);
      }
      return of(a, b, ia, ib, cache);
    }
    Scratch s = SCRATCH.get();
    // the tokens' numbers only: a token itself is fetched from dict when its similarity is not
    // kept, and storing every token of both names into the scratch arrays (a reference store with
    // the collector's write barrier each) was a tenth of the time spent comparing names
    System.arraycopy(inA, fromA, s.ia, 0, n);
    System.arraycopy(inB, fromB, s.ib, 0, m);
    return of(null, n, null, m, s.ia, s.ib, dict, cache, s);
  }

  /**
   * The similarity of a's token i and b's token j: from {@code dict} by their numbers when {@code
   * dict} is given (then {@code ia}/{@code ib} are numbers into it), else as before.
   */
  private static double similarity(
      NameToken[] a,
      NameToken[] b,
      int[] ia,
      int[] ib,
      NameToken[] dict,
      TokenSimilarities cache,
      int i,
      int j) {
    if (dict != null) {
      return cache.get(ia[i], ib[j], dict);
    }
    if (cache == null) {
      return a[i].similarity(b[j]);
    }
    if (ia != null) {
      return cache.get(ia[i], ib[j], a[i], b[j]);
    }
    return cache.get(a[i], b[j]);
  }

  /**
   * The alignment of {@code a[0..n)} and {@code b[0..m)}, 1 ≤ n, m ≤ 63; with {@code dict}, {@code
   * a} and {@code b} are null and the tokens are {@code dict[ia[i]]} and {@code dict[ib[j]]}.
   */
  private static NameComparison of(
      NameToken[] a,
      int n,
      NameToken[] b,
      int m,
      int[] ia,
      int[] ib,
      NameToken[] dict,
      TokenSimilarities cache,
      Scratch scratch) {
    double[] sim = n * m <= 64 ? scratch.sim : new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        sim[i * m + j] = similarity(a, b, ia, ib, dict, cache, i, j);
      }
    }
    int k = Math.min(n, m);
    long usedA = 0;
    long usedB = 0;
    double sum = 0;
    int strong = 0;
    int exact = 0;
    double min = 1;
    long strongBits = 0;
    int conflicts = 0;
    int partnerOfA0 = -1;
    int partnerOfA1 = -1;
    int[] partner = scratch.partner; // partner[i] for a's tokens, partner[64 + j] for b's
    java.util.Arrays.fill(partner, 0, n, -1);
    java.util.Arrays.fill(partner, 64, 64 + m, -1);
    for (int step = 0; step < k; step++) {
      int bi = -1;
      int bj = -1;
      double best = -1;
      for (int i = 0; i < n; i++) {
        if ((usedA & (1L << i)) != 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          // ties go to the same position, which keeps "given with given" when both are equal
          double s = sim[i * m + j] + (i == j ? 1e-9 : 0);
          if ((usedB & (1L << j)) == 0 && s > best) {
            best = s;
            bi = i;
            bj = j;
          }
        }
      }
      usedA |= 1L << bi;
      usedB |= 1L << bj;
      partner[bi] = bj;
      partner[64 + bj] = bi;
      if (bi == 0) {
        partnerOfA0 = bj;
      } else if (bi == 1) {
        partnerOfA1 = bj;
      }
      double s = sim[bi * m + bj];
      sum += s;
      min = Math.min(min, s);
      if (s >= STRONG) {
        strong++;
        strongBits |= 1L << bi;
      }
      if (s >= 1.0) {
        exact++;
      }
      // nothing alike asked first: the same answer, and the lexicon's test (the first time for a
      // pair of tokens, and every time beyond the kept ones) only where it can change it
      if (s < 0.45 || (s < 0.6 && conflicts(a, b, ia, ib, dict, cache, bi, bj))) {
        conflicts++; // known to differ, or nothing alike (عبد الكريم vs علاء)
      }
    }
    boolean shifted = false;
    if (n > m && (usedA & 1L) == 0 && partnerOfA1 == 0) {
      shifted = true; // a's first token unused, b's first token is a's second
    } else if (m > n && (usedB & 1L) == 0 && partnerOfA0 == 1) {
      shifted = true;
    }
    boolean ordered = n < 2 || m < 2 || inOrder(partner, sim, n, m);
    return new NameComparison(
        sum / k, k, strong, exact, Math.max(n, m), min, strongBits, conflicts, shifted, ordered);
  }

  private static boolean conflicts(
      NameToken[] a,
      NameToken[] b,
      int[] ia,
      int[] ib,
      NameToken[] dict,
      TokenSimilarities cache,
      int i,
      int j) {
    if (dict != null) {
      return cache.conflicts(ia[i], ib[j], dict);
    }
    return cache != null && ia != null
        ? cache.conflicts(ia[i], ib[j], a[i], b[j])
        : a[i].conflicts(b[j]);
  }

  /**
   * Whether the alignment reads both names in one of the two orders lists use: given name first and
   * family name last, or family name first and given name second. It fails when the given names
   * align with other positions (Salih Hussain Rakkawi vs Hussain Salih Rakkawi: son and father, or
   * brothers, not one person).
   */
  private static boolean inOrder(int[] partner, double[] sim, int n, int m) {
    for (int rx = 0; rx < 2; rx++) {
      int gx = rx == 0 ? 0 : 1;
      int fx = rx == 0 ? n - 1 : 0;
      for (int ry = 0; ry < 2; ry++) {
        int gy = ry == 0 ? 0 : 1;
        int fy = ry == 0 ? m - 1 : 0;
        boolean given = aligns(partner, sim, m, gx, gy);
        boolean family =
            aligns(partner, sim, m, fx, fy) || (partner[fx] == -1 && partner[64 + fy] == -1);
        if (given && family) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether x's token i is aligned with y's token j, or could be in an alignment just as good: with
   * a name repeated (Ahmad Ahmad, Muhammad Muhammad al-Mahmoud) the greedy choice between the two
   * equal tokens is arbitrary, and swapping the two partners costs nothing.
   */
  private static boolean aligns(int[] partner, double[] sim, int m, int i, int j) {
    int pj = partner[i];
    if (pj == j) {
      return true;
    }
    int pi = partner[64 + j];
    if (pj < 0 || pi < 0) {
      // one of the two left over while the other went to an equal name elsewhere (Mohamad Hassan
      // Mohammed against Mohammad Hasan: Mohammed took Mohammad, the lexicon knowing both): the
      // left-over one could have taken it as well
      return (pj < 0) != (pi < 0) && sim[i * m + j] >= STRONG;
    }
    double now = sim[i * m + pj] + sim[pi * m + j];
    double swapped = sim[i * m + j] + sim[pi * m + pj];
    return swapped >= now - 1e-6;
  }
}
