package org.sijill.linkage.names;

/**
 * Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), allocation-light, with a cheap upper
 * bound that lets a caller skip the full computation when only a threshold matters.
 */
public final class JaroWinkler {
  private JaroWinkler() {}

  /** The characters of {@code s} as a set of 64 classes (character code modulo 64). */
  public static long charSet(String s) {
    long set = 0;
    for (int i = 0; i < s.length(); i++) {
      set |= 1L << s.charAt(i);
    }
    return set;
  }

  /**
   * An upper bound of {@link #similarity}{@code (a, b)}, given each string's {@link #charSet}. A
   * character of one string can match only a character of the same class in the other, so the
   * matches m are at most the characters of either string whose class the other holds; Jaro is at
   * most (m/|a| + m/|b| + 1)/3 (no transpositions), and the prefix bonus at most 0.4 (1 - Jaro).
   * The bound is never below the similarity: a caller that compares it with a threshold decides
   * exactly as the full computation would.
   */
  public static double upperBound(String a, long setA, String b, long setB) {
    if (a.equals(b)) {
      return 1.0;
    }
    int la = a.length();
    int lb = b.length();
    int inB = 0;
    for (int i = 0; i < la; i++) {
      inB += (int) (setB >>> a.charAt(i)) & 1;
    }
    int inA = 0;
    for (int j = 0; j < lb; j++) {
      inA += (int) (setA >>> b.charAt(j)) & 1;
    }
    int m = Math.min(inA, inB);
    if (m == 0) {
      return 0.0;
    }
    double jaro = ((double) m / la + (double) m / lb + 1) / 3.0;
    // a margin above rounding: the bound must never fall below the value similarity() computes
    return Math.min(1.0, jaro + 0.4 * (1 - jaro) + 1e-9);
  }

  public static double similarity(String a, String b) {
    if (a.equals(b)) {
      return a.isEmpty() ? 0.0 : 1.0;
    }
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return 0.0;
    }
    int range = Math.max(0, Math.max(la, lb) / 2 - 1);
    boolean[] ma = new boolean[la];
    boolean[] mb = new boolean[lb];
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int lo = Math.max(0, i - range);
      int hi = Math.min(lb - 1, i + range);
      char c = a.charAt(i);
      for (int j = lo; j <= hi; j++) {
        if (!mb[j] && b.charAt(j) == c) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int t = 0;
    int k = 0;
    for (int i = 0; i < la; i++) {
      if (ma[i]) {
        while (!mb[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          t++;
        }
        k++;
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(la, lb)); i++) {
      if (a.charAt(i) == b.charAt(i)) {
        prefix++;
      } else {
        break;
      }
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }
}
