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

  /** The characters of {@code s} as a set of 64 classes (character code modulo 64). */
  public static long charSet(char[] s) {
    long set = 0;
    for (char c : s) {
      set |= 1L << c;
    }
    return set;
  }

  /**
   * As {@link #upperBound(String, long, String, long)} for distinct values, tighter: the prefix
   * bonus is that of the strings' actual common prefix (up to 4) instead of the largest possible.
   * Jaro-Winkler grows with Jaro for a fixed prefix, so the bound of Jaro gives a bound of the
   * whole; for two values of different first letters (most random pairs) the bonus is 0.
   */
  public static double upperBound(char[] a, long setA, char[] b, long setB) {
    int la = a.length;
    int lb = b.length;
    int inB = 0;
    for (char c : a) {
      inB += (int) (setB >>> c) & 1;
    }
    int inA = 0;
    for (char c : b) {
      inA += (int) (setA >>> c) & 1;
    }
    int m = Math.min(inA, inB);
    if (m == 0) {
      return 0.0;
    }
    double jaro = Math.min(1.0, ((double) m / la + (double) m / lb + 1) / 3.0);
    int prefix = prefix(a, b);
    // a margin above rounding: the bound must never fall below the value similarity() computes
    return Math.min(1.0, jaro + prefix * 0.1 * (1 - jaro) + 1e-9);
  }

  private static int prefix(char[] a, char[] b) {
    int limit = Math.min(4, Math.min(a.length, b.length));
    int p = 0;
    while (p < limit && a[p] == b[p]) {
      p++;
    }
    return p;
  }

  /**
   * {@link #similarity(String, String)} of two character arrays, the same value to the last bit
   * (the same steps in the same order); the matched positions are kept in two bit sets when both
   * values are at most 64 characters long, so a call allocates nothing.
   */
  public static double similarity(char[] a, char[] b) {
    int la = a.length;
    int lb = b.length;
    if (la > 64 || lb > 64) {
      return similarity(new String(a), new String(b));
    }
    if (java.util.Arrays.equals(a, b)) {
      return la == 0 ? 0.0 : 1.0;
    }
    if (la == 0 || lb == 0) {
      return 0.0;
    }
    int range = Math.max(0, Math.max(la, lb) / 2 - 1);
    long ma = 0;
    long mb = 0;
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int lo = Math.max(0, i - range);
      int hi = Math.min(lb - 1, i + range);
      char c = a[i];
      for (int j = lo; j <= hi; j++) {
        if ((mb & (1L << j)) == 0 && b[j] == c) {
          ma |= 1L << i;
          mb |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int t = 0;
    long rest = mb;
    for (int i = 0; i < la; i++) {
      if ((ma & (1L << i)) != 0) {
        int k = Long.numberOfTrailingZeros(rest);
        rest &= rest - 1;
        if (a[i] != b[k]) {
          t++;
        }
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
    return jaro + prefix(a, b) * 0.1 * (1 - jaro);
  }
}
