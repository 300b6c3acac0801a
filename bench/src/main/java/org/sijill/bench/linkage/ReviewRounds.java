package org.sijill.bench.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;

/**
 * {@code -Dreview}: a reviewer working through the review file, round by round (see {@link #run}).
 */
final class ReviewRounds {
  private ReviewRounds() {}

  /**
   * {@code -Dreview=PAIRS,ROUNDS}: a reviewer working through the review file. Each round takes the
   * first PAIRS pairs of the current review list (most contested first), decides them as the truth
   * says, and links again with every decision so far ({@code --decisions}); prints the metrics
   * after each round. Measures how many human decisions the remaining errors cost.
   */
  private static String band(double p) {
    return p < 0.1 ? "p<0.1   " : p < 0.5 ? "p0.1-0.5" : p < 0.9 ? "p0.5-0.9" : "p>=0.9  ";
  }

  /** Records whose cluster changed although no decision of this round touched them. */
  private static void trace(
      LinkResult before, LinkResult after, List<String> truth, List<Integer> asked) {
    int n = before.size();
    java.util.Set<Integer> touched = new java.util.HashSet<>();
    for (int k : asked) {
      touched.add(before.left(k));
      touched.add(before.right(k));
    }
    int[] sizeB = new int[n];
    int[] sizeA = new int[n];
    for (int i = 0; i < n; i++) {
      sizeB[before.cluster(i)]++;
      sizeA[after.cluster(i)]++;
    }
    // a cluster's mates: does the record keep all its mates of before?
    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
    java.util.Map<Integer, java.util.List<Integer>> byB = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      byB.computeIfAbsent(before.cluster(i), x -> new ArrayList<>()).add(i);
    }
    for (int i = 0; i < n; i++) {
      boolean lost = false;
      boolean lostTrue = false;
      for (int j : byB.get(before.cluster(i))) {
        if (j != i && after.cluster(j) != after.cluster(i)) {
          lost = true;
          lostTrue |= truth.get(i).equals(truth.get(j));
        }
      }
      if (lost) {
        kinds.merge(
            (touched.contains(i) ? "decided " : "other   ")
                + (sizeA[after.cluster(i)] == 1
                    ? "now single "
                    : "now in " + Math.min(sizeA[after.cluster(i)], 3))
                + (lostTrue ? " lost a true mate" : " lost only others"),
            1,
            Integer::sum);
      }
    }
    kinds.forEach((key, c) -> System.out.printf(Locale.ROOT, "  moved %s %d%n", key, c));
  }

  /** Missed joins after review: does one side hold a record decided different from another? */
  private static void splitJoins(LinkResult r, List<String> truth, List<Decision> decisions) {
    java.util.Set<String> splitOff = new java.util.HashSet<>();
    for (Decision d : decisions) {
      if (d.verdict() == Decision.Verdict.DIFFERENT) {
        splitOff.add(d.sourceL() + "/" + d.recordIdL());
        splitOff.add(d.sourceR() + "/" + d.recordIdR());
      }
    }
    java.util.Map<Long, Integer> pairIndex = new java.util.HashMap<>();
    for (int k = 0; k < r.pairCount(); k++) {
      pairIndex.put(((long) r.left(k) << 32) | r.right(k), k);
    }
    java.util.Map<String, List<Integer>> byPerson = new java.util.HashMap<>();
    boolean[] split = new boolean[r.size()];
    for (int i = 0; i < r.size(); i++) {
      byPerson.computeIfAbsent(truth.get(i), x -> new ArrayList<>()).add(i);
    }
    java.util.Set<Integer> splitClusters = new java.util.HashSet<>();
    for (int i = 0; i < r.size(); i++) {
      if (splitOff.contains(r.source(i) + "/" + r.recordId(i))) {
        splitClusters.add(r.cluster(i));
      }
    }
    java.util.Map<Long, Double> best = new java.util.HashMap<>();
    java.util.Map<Long, Boolean> touches = new java.util.HashMap<>();
    SplitPairs.each(
        r,
        byPerson,
        (a, b, pk, ck) -> {
          Integer k = pairIndex.get(pk);
          double p = k == null ? -1 : r.probability(k);
          best.merge(ck, p, Math::max);
          touches.put(
              ck, splitClusters.contains(r.cluster(a)) || splitClusters.contains(r.cluster(b)));
        });
    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
    best.forEach(
        (ck, p) ->
            kinds.merge(
                (touches.get(ck) ? "a side decided different " : "no decided record ")
                    + (p < 0
                        ? "never"
                        : p < 0.001
                            ? "<0.001"
                            : p < 0.01
                                ? "0.001-0.01"
                                : p < 0.1 ? "0.01-0.1" : p < 0.5 ? "0.1-0.5" : ">=0.5"),
                1,
                Integer::sum));
    kinds.forEach((key, c) -> System.out.printf(Locale.ROOT, "  missed join, %s %d%n", key, c));
  }

  private static void apartHits(LinkResult r, List<String> truth) {
    int n = r.size();
    double[] bestP = new double[n];
    java.util.Map<Long, Double> between = new java.util.HashMap<>();
    java.util.Map<Long, Integer> betweenN = new java.util.HashMap<>();
    java.util.Map<Integer, java.util.Set<String>> srcs = new java.util.HashMap<>();
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      srcs.computeIfAbsent(r.cluster(i), x -> new java.util.HashSet<>()).add(r.source(i));
      size[r.cluster(i)]++;
    }
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      int ca = r.cluster(a);
      int cb = r.cluster(b);
      if (ca == cb) {
        continue;
      }
      double p = r.probability(k);
      bestP[a] = Math.max(bestP[a], p);
      bestP[b] = Math.max(bestP[b], p);
      long ck = ((long) Math.min(ca, cb) << 32) | Math.max(ca, cb);
      double w = Math.max(-4, Math.log(p / (1 - p)));
      between.merge(ck, w, Double::sum);
      betweenN.merge(ck, 1, Integer::sum);
    }
    java.util.Map<String, int[]> hits = new java.util.TreeMap<>();
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      int ca = r.cluster(a);
      int cb = r.cluster(b);
      double p = r.probability(k);
      if (ca == cb || p < 0.05) {
        continue;
      }
      long ck = ((long) Math.min(ca, cb) << 32) | Math.max(ca, cb);
      boolean mutual = p >= bestP[a] && p >= bestP[b];
      java.util.Set<String> s = new java.util.HashSet<>(srcs.get(ca));
      s.retainAll(srcs.get(cb));
      String key =
          (p < 0.1 ? "0.05-0.1" : p < 0.5 ? "0.1-0.5 " : "0.5+    ")
              + (mutual ? " mutual " : " notmut ")
              + (s.isEmpty() ? "disjoint " : "overlap  ")
              + (betweenN.get(ck) == 1 ? "onepair" : between.get(ck) > 0 ? "sum+   " : "sum-   ");
      int[] h = hits.computeIfAbsent(key, x -> new int[2]);
      h[0]++;
      if (truth.get(a).equals(truth.get(b))) {
        h[1]++;
      }
    }
    hits.forEach(
        (key, h) ->
            System.out.printf(Locale.ROOT, "  apart %s %5d pairs %4d same%n", key, h[0], h[1]));
  }

  static void run(Linker linker, LinkResult first, LinkageBench.Lists lists, String spec) {
    String[] parts = spec.split(",");
    int perRound = Integer.parseInt(parts[0].trim());
    int rounds = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 1;
    List<String> truth = lists.truth();
    List<Decision> decisions = new ArrayList<>();
    LinkResult r = first;
    for (int round = 1; round <= rounds; round++) {
      List<Integer> todo = r.reviewPairs();
      int take = Math.min(perRound, todo.size());
      java.util.Map<String, Integer> trace = new java.util.TreeMap<>();
      java.util.Set<Long> cut = new java.util.HashSet<>();
      {
        java.util.Map<String, Integer> idx = new java.util.HashMap<>();
        for (int i = 0; i < r.size(); i++) {
          idx.put(r.source(i) + "/" + r.recordId(i), i);
        }
        for (Decision d : decisions) {
          if (d.verdict() == Decision.Verdict.DIFFERENT) {
            int ca = r.cluster(idx.get(d.sourceL() + "/" + d.recordIdL()));
            int cb = r.cluster(idx.get(d.sourceR() + "/" + d.recordIdR()));
            cut.add(((long) Math.min(ca, cb) << 32) | Math.max(ca, cb));
          }
        }
      }
      for (int k : todo.subList(0, take)) {
        int a = r.left(k);
        int b = r.right(k);
        trace.merge(
            (r.cluster(a) == r.cluster(b)
                    ? "merged "
                    : cut.contains(
                            ((long) Math.min(r.cluster(a), r.cluster(b)) << 32)
                                | Math.max(r.cluster(a), r.cluster(b)))
                        ? "apartX "
                        : "apart  ")
                + band(r.probability(k))
                + (truth.get(a).equals(truth.get(b)) ? " same" : " diff"),
            1,
            Integer::sum);
        decisions.add(
            new Decision(
                r.source(a),
                r.recordId(a),
                r.source(b),
                r.recordId(b),
                truth.get(a).equals(truth.get(b))
                    ? Decision.Verdict.SAME
                    : Decision.Verdict.DIFFERENT,
                "review"));
      }
      long t0 = System.nanoTime();
      LinkResult before = r;
      r = linker.link(lists.sources(), decisions, List.of(), m -> {});
      if (Boolean.getBoolean("reviewTrace")) {
        trace(before, r, truth, todo.subList(0, take));
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      PairMetrics m = PairMetrics.of(r, truth, false);
      System.out.printf(
          Locale.ROOT,
          "review round %d: %d decisions (%d left in the review list before it) P=%.4f R=%.4f"
              + " F1=%.4f clusters=%d persons=%d (%.1f s)%n",
          round,
          decisions.size(),
          todo.size(),
          m.precision(),
          m.recall(),
          m.f1(),
          m.clusters(),
          m.persons(),
          wall);
      if (Boolean.getBoolean("reviewTrace")) {
        trace.forEach((key, n) -> System.out.printf(Locale.ROOT, "  asked %s %d%n", key, n));
      }
    }
    if (Boolean.getBoolean("reviewTrace")) {
      apartHits(first, truth);
      apartHits(r, truth);
      splitJoins(r, truth, decisions);
    }
    String show = System.getProperty("reviewShow");
    if (show != null) {
      AfterReview.print(r, lists, show.equals("2"));
    }
  }
}
