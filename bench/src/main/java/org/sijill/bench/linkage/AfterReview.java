package org.sijill.bench.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sijill.linkage.FittedModel;
import org.sijill.linkage.LinkResult;

/**
 * {@code -Dreview=...,ROUNDS -DreviewShow=1}: what is still wrong after the review loop's last
 * round (issue 14, session 12). Missed joins (two clusters holding one person) by their likeliest
 * pair: never compared, below p = 0.001, 0.001-0.5, at least 0.5 (clustering kept them apart), with
 * the field that pulled the likeliest pair down most (lowest log(m/u)); false joins (a cluster
 * holding records of two persons) by the likeliest wrong pair inside the cluster. {@code
 * -DreviewShow=2} also prints each missed join's and false join's rows.
 */
final class AfterReview {
  private AfterReview() {}

  static void print(LinkResult r, LinkageBench.Lists lists, boolean rows) {
    List<String> truth = lists.truth();
    Map<Long, Integer> pairIndex = new HashMap<>();
    for (int k = 0; k < r.pairCount(); k++) {
      pairIndex.put(((long) r.left(k) << 32) | r.right(k), k);
    }
    FittedModel model = r.model();
    Map<String, List<Integer>> byPerson = new HashMap<>();
    Map<Integer, List<Integer>> byCluster = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byPerson.computeIfAbsent(truth.get(i), x -> new ArrayList<>()).add(i);
      byCluster.computeIfAbsent(r.cluster(i), x -> new ArrayList<>()).add(i);
    }
    // cluster pair -> {best pair a, b, p}
    Map<Long, double[]> joins = new HashMap<>();
    SplitPairs.each(
        r,
        byPerson,
        (a, b, pk, ck) -> {
          Integer k = pairIndex.get(pk);
          double p = k == null ? -1 : r.probability(k);
          double[] cur = joins.get(ck);
          if (cur == null || cur[2] < p) {
            joins.put(ck, new double[] {a, b, p});
          }
        });
    Map<String, Integer> kinds = new TreeMap<>();
    for (double[] j : joins.values()) {
      String band =
          j[2] < 0
              ? "a never compared"
              : j[2] < 0.001 ? "b p<0.001" : j[2] < 0.5 ? "c p 0.001-0.5" : "d p>=0.5";
      String field = weakest(model, r.levels((int) j[0], (int) j[1]));
      kinds.merge(band + " / weakest " + field, 1, Integer::sum);
      kinds.merge(band, 1, Integer::sum);
      if (rows) {
        System.out.printf(
            Locale.ROOT,
            "MISSED %s levels=%s%n  %s%n  %s%n",
            band,
            java.util.Arrays.toString(r.levels((int) j[0], (int) j[1])),
            String.join(" | ", row(lists, (int) j[0])),
            String.join(" | ", row(lists, (int) j[1])));
      }
    }
    System.out.printf(Locale.ROOT, "after review: missed joins %d%n", joins.size());
    kinds.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-50s %d%n", k, v));
    Map<String, Integer> falseKinds = new TreeMap<>();
    int extra = 0;
    for (List<Integer> g : byCluster.values()) {
      Set<String> ps = new HashSet<>();
      for (int i : g) {
        ps.add(truth.get(i));
      }
      if (ps.size() < 2) {
        continue;
      }
      extra += ps.size() - 1;
      double best = -1;
      int ba = -1;
      int bb = -1;
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = Math.min(g.get(x), g.get(y));
          int b = Math.max(g.get(x), g.get(y));
          if (truth.get(a).equals(truth.get(b))) {
            continue;
          }
          Integer k = pairIndex.get(((long) a << 32) | b);
          double p = k == null ? -1 : r.probability(k);
          if (p > best) {
            best = p;
            ba = a;
            bb = b;
          }
        }
      }
      String band =
          best < 0.5 ? "wrong pairs all p<0.5 (clustering)" : best < 0.9 ? "p 0.5-0.9" : "p>=0.9";
      falseKinds.merge(band + " size " + Math.min(g.size(), 4), 1, Integer::sum);
      falseKinds.merge(band, 1, Integer::sum);
      if (rows) {
        System.out.printf(
            Locale.ROOT,
            "FALSE %s (cluster of %d) levels=%s%n  %s%n  %s%n",
            band,
            g.size(),
            java.util.Arrays.toString(r.levels(ba, bb)),
            String.join(" | ", row(lists, ba)),
            String.join(" | ", row(lists, bb)));
      }
    }
    System.out.printf(Locale.ROOT, "after review: persons merged away %d%n", extra);
    falseKinds.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-50s %d%n", k, v));
  }

  private static String weakest(FittedModel model, int[] levels) {
    String name = "-";
    double low = 0;
    for (int f = 0; f < levels.length; f++) {
      if (levels[f] < 0) {
        continue;
      }
      FittedModel.Field fl = model.fields().get(f);
      double w = Math.log(fl.m()[levels[f]] / fl.u()[levels[f]]);
      if (w < low) {
        low = w;
        name = fl.column() + "@" + levels[f];
      }
    }
    return name;
  }

  private static String[] row(LinkageBench.Lists lists, int k) {
    for (org.sijill.linkage.Source s : lists.sources()) {
      if (k < s.size()) {
        return s.rows().get(k);
      }
      k -= s.size();
    }
    throw new IllegalArgumentException();
  }
}
