package org.sijill.linkage.names;

/**
 * Whether two strings are at most one edit apart (insert, delete, substitute, or swap two
 * neighbours).
 */
public final class EditDistance {
  private EditDistance() {}

  public static boolean withinOne(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      // substitution, or transposition of i and i+1
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true;
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    if (la > lb) {
      return a.regionMatches(i + 1, b, i, lb - i);
    }
    return b.regionMatches(i + 1, a, i, la - i);
  }

  /** {@link #withinOne(String, String)} of two character arrays. */
  public static boolean withinOne(char[] a, char[] b) {
    int la = a.length;
    int lb = b.length;
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a[i] == b[i]) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      // substitution, or transposition of i and i+1
      if (same(a, i + 1, b, i + 1, la - i - 1)) {
        return true;
      }
      return i + 1 < la
          && a[i] == b[i + 1]
          && a[i + 1] == b[i]
          && same(a, i + 2, b, i + 2, la - i - 2);
    }
    if (la > lb) {
      return same(a, i + 1, b, i, lb - i);
    }
    return same(b, i + 1, a, i, la - i);
  }

  private static boolean same(char[] a, int from, char[] b, int at, int length) {
    return java.util.Arrays.equals(a, from, from + length, b, at, at + length);
  }
}
