package org.sijill.bench.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Source;
import org.sijill.linkage.names.NameComparison;
import org.sijill.linkage.names.NameToken;
import org.sijill.linkage.names.NameTokens;

/**
 * {@code ReviewStudy -Dshow=P}: the missed joins no order over the review list can reach, with what
 * made them unreachable. Each name token is printed as text/skeleton, with "?" when the lexicon
 * does not know it; the similarity matrix marks with "!" two tokens the lexicon knows to be
 * different names (issue 14, session 9).
 */
final class UnreachedJoins {
  private UnreachedJoins() {}

  /**
   * For each missed join (two clusters holding one person) whose likeliest pair is below {@code
   * below} or was never compared: that pair's two rows (with no candidate pair, any pair of the two
   * clusters), its field levels, and how the two full names compare token by token.
   */
  static void print(LinkResult r, LinkageBench.Lists lists, Map<Long, Double> prob, double below) {
    List<String> truth = lists.truth();
    Map<Long, long[]> best = new HashMap<>(); // cluster pair -> {pair key, p bits}
    Map<String, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byPerson.computeIfAbsent(truth.get(i), x -> new ArrayList<>()).add(i);
    }
    SplitPairs.each(
        r,
        byPerson,
        (a, b, pk, ck) -> {
          double p = prob.getOrDefault(pk, -1.0);
          long[] cur = best.get(ck);
          if (cur == null || Double.longBitsToDouble(cur[1]) < p) {
            best.put(ck, new long[] {pk, Double.doubleToLongBits(p)});
          }
        });
    int shown = 0;
    for (long[] e : best.values()) {
      double p = Double.longBitsToDouble(e[1]);
      if (p >= below) {
        continue;
      }
      int a = (int) (e[0] >>> 32);
      int b = (int) e[0];
      shown++;
      System.out.printf(
          Locale.ROOT,
          "UNREACHED p=%s levels=%s%n  %s%n  %s%n",
          p < 0 ? "-" : String.format(Locale.ROOT, "%.5f", p),
          java.util.Arrays.toString(r.levels(a, b)),
          String.join(" | ", row(lists.sources(), a)),
          String.join(" | ", row(lists.sources(), b)));
      System.out.println("  " + nameDetail(row(lists.sources(), a)[1], row(lists.sources(), b)[1]));
    }
    System.out.printf(Locale.ROOT, "%d joins below p=%s or never compared%n", shown, below);
  }

  /** Tokens (text/skeleton/known), similarity matrix and the comparison of two full names. */
  private static String nameDetail(String x, String y) {
    List<NameToken> a = new ArrayList<>();
    List<NameToken> b = new ArrayList<>();
    for (String t : NameTokens.forComparison(x)) {
      a.add(NameToken.of(t));
    }
    for (String t : NameTokens.forComparison(y)) {
      b.add(NameToken.of(t));
    }
    StringBuilder out = new StringBuilder();
    for (NameToken t : a) {
      out.append(t.text())
          .append('/')
          .append(t.skeleton())
          .append(t.canonical() == null ? "?" : "")
          .append(' ');
    }
    out.append("~ ");
    for (NameToken t : b) {
      out.append(t.text())
          .append('/')
          .append(t.skeleton())
          .append(t.canonical() == null ? "?" : "")
          .append(' ');
    }
    out.append("sim");
    for (NameToken t : a) {
      out.append(" [");
      for (NameToken u : b) {
        out.append(
            String.format(Locale.ROOT, "%.2f%s ", t.similarity(u), t.conflicts(u) ? "!" : ""));
      }
      out.append(']');
    }
    out.append(' ').append(NameComparison.of(a, b));
    return out.toString();
  }

  private static String[] row(List<Source> sources, int k) {
    for (Source s : sources) {
      if (k < s.size()) {
        return s.rows().get(k);
      }
      k -= s.size();
    }
    throw new IllegalArgumentException();
  }
}
