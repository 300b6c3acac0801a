package org.sijill.linkage;

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), allocation-light. */
final class JaroWinkler {
  private JaroWinkler() {}

  static double similarity(String a, String b) {
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
