package org.sijill.bench.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.testing.TestLists;

/**
 * Where the review loop's errors are, and what other review orders would do (issue 14). Prints the
 * calibration of the pair probability against the truth for pairs the clustering merged and left
 * apart, the missed joins (two clusters holding one person) by their likeliest pair, and then, for
 * each order of {@code -Dorders} (default {@code product,impact}), a simulated reviewer deciding
 * {@code -DperRound} (100) pairs per round as the truth says for {@code -Drounds} (3) rounds, the
 * lists linked again after each. Orders: {@code product} ({@link LinkResult#reviewPairs}); {@code
 * impact} (a pair left apart by its probability times |A| x |B|, a merged pair by one minus it
 * times |C| - 1; one pair per two clusters); {@code impact-flat} (the same without the sizes);
 * {@code impact-mean} (as {@code impact}, a pair left apart by the mean log-odds of all pairs
 * between its clusters); {@code margin} (the review list by the clusterer's own margin on the
 * pair's question, closest to zero first: for a merged pair the smaller of its two records' summed
 * weights to the rest of the cluster, for a pair left apart the summed weights between its two
 * clusters); {@code margin-one} (as {@code margin}, one pair per two clusters before the rest);
 * {@code learned} (round 1 as {@code product}, then the review list ranked by a logistic model of
 * "the clustering is wrong about this pair" refitted after every round on the reviewer's decisions
 * so far, from the pair's log-odds, whether it is merged, the margin above and their products);
 * {@code fixed} (the same ranking with the coefficients given as {@code -Dbeta=b0:b1:...}; it also
 * prints the coefficients fitted on the whole first review list against the truth, for a tuning
 * seed). After each round it prints how many record pairs the clustering had wrong before and
 * after, how many the round fixed and how many it newly got wrong. {@code -Dshow=P} prints the
 * missed joins whose likeliest pair is below P or was never compared ({@link UnreachedJoins}).
 * Usage: {@code java -cp bench/target/sijill-bench.jar org.sijill.bench.linkage.ReviewStudy N
 * SEED}.
 */
public final class ReviewStudy {
  private ReviewStudy() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Settings s = LinkageBench.tuned(TestLists.VICTIMS);
    LinkageBench.Lists lists = LinkageBench.lists(n, seed, s);
    Linker linker = new Linker(s, Mode.LINK_AND_DEDUPE);
    LinkResult r = linker.link(lists.sources(), List.of(), List.of(), m -> {});
    List<String> truth = lists.truth();
    PairMetrics m = PairMetrics.of(r, truth, false);
    System.out.printf(
        Locale.ROOT,
        "seed %d: P=%.4f R=%.4f F1=%.4f clusters=%d persons=%d%n",
        seed,
        m.precision(),
        m.recall(),
        m.f1(),
        m.clusters(),
        m.persons());
    double[] edges = {0, 0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0001};
    long[][] merged = new long[edges.length][2];
    long[][] apart = new long[edges.length][2];
    Set<Long> reviewSet = new HashSet<>();
    for (int k : r.reviewPairs()) {
      reviewSet.add(((long) r.left(k) << 32) | r.right(k));
    }
    long[][] inReview = new long[2][2]; // merged/apart x true same count, total
    Set<Long> candidate = new HashSet<>();
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      candidate.add(((long) a << 32) | b);
      double p = r.probability(k);
      int bin = 0;
      while (p >= edges[bin + 1]) {
        bin++;
      }
      boolean same = truth.get(a).equals(truth.get(b));
      long[][] t = r.cluster(a) == r.cluster(b) ? merged : apart;
      t[bin][0] += same ? 1 : 0;
      t[bin][1]++;
    }
    for (int i = 0; i + 1 < edges.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "p in [%.3f,%.3f): merged %d of %d same; apart %d of %d same%n",
          edges[i],
          edges[i + 1],
          merged[i][0],
          merged[i][1],
          apart[i][0],
          apart[i][1]);
    }
    // missed true pairs and wrong pairs, by cluster pair
    Map<Integer, List<Integer>> byCluster = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byCluster.computeIfAbsent(r.cluster(i), x -> new ArrayList<>()).add(i);
    }
    Map<String, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byPerson.computeIfAbsent(truth.get(i), x -> new ArrayList<>()).add(i);
    }
    Map<Long, Double> prob = new HashMap<>();
    for (int k = 0; k < r.pairCount(); k++) {
      prob.put(((long) r.left(k) << 32) | r.right(k), r.probability(k));
    }
    // per missing cluster join (two clusters holding one person): best pair probability
    Map<Long, Double> joins = new HashMap<>();
    Map<Long, Boolean> joinShown = new HashMap<>();
    SplitPairs.each(
        r,
        byPerson,
        (a, b, pk, ck) -> {
          joins.merge(ck, prob.getOrDefault(pk, -1.0), Math::max);
          joinShown.merge(ck, reviewSet.contains(pk), Boolean::logicalOr);
        });
    int[] jb = new int[edges.length + 1];
    int shown = 0;
    for (Map.Entry<Long, Double> e : joins.entrySet()) {
      double p = e.getValue();
      int bin = 0;
      if (p < 0) {
        jb[edges.length]++;
      } else {
        while (p >= edges[bin + 1]) {
          bin++;
        }
        jb[bin]++;
      }
      shown += joinShown.get(e.getKey()) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "missing joins (cluster pairs of one person): %d, %d with a pair in the review list%n",
        joins.size(),
        shown);
    for (int i = 0; i + 1 < edges.length; i++) {
      System.out.printf(
          Locale.ROOT, "  best pair p in [%.3f,%.3f): %d%n", edges[i], edges[i + 1], jb[i]);
    }
    System.out.printf(Locale.ROOT, "  no candidate pair: %d%n", jb[edges.length]);
    String show = System.getProperty("show");
    if (show != null) {
      UnreachedJoins.print(r, lists, prob, Double.parseDouble(show));
    }
    // wrong merges: clusters holding 2+ persons
    int impure = 0;
    int extraPersons = 0;
    for (List<Integer> g : byCluster.values()) {
      Set<String> ps = new HashSet<>();
      for (int i : g) {
        ps.add(truth.get(i));
      }
      if (ps.size() > 1) {
        impure++;
        extraPersons += ps.size() - 1;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "impure clusters %d (persons merged away %d); review list %d pairs%n",
        impure,
        extraPersons,
        reviewSet.size());
    int perRound = Integer.parseInt(System.getProperty("perRound", "100"));
    int rounds = Integer.parseInt(System.getProperty("rounds", "3"));
    for (String order : System.getProperty("orders", "product,impact").split(",")) {
      simulate(linker, r, lists, order, perRound, rounds);
    }
  }

  private static void simulate(
      Linker linker,
      LinkResult first,
      LinkageBench.Lists lists,
      String order,
      int per,
      int rounds) {
    List<String> truth = lists.truth();
    List<Decision> decisions = new ArrayList<>();
    List<int[]> decidedIdx = new ArrayList<>();
    List<double[]> seen = new ArrayList<>();
    List<Boolean> seenWrong = new ArrayList<>();
    LinkResult r = first;
    for (int round = 1; round <= rounds; round++) {
      ReviewOrders.Context ctx = new ReviewOrders.Context(r);
      List<Integer> todo;
      if (order.equals("product") || (order.equals("learned") && round == 1)) {
        todo = r.reviewPairs();
      } else if (order.startsWith("margin")) {
        todo = ReviewOrders.margin(r, ctx, order);
      } else if (order.equals("fixed")) {
        if (round == 1) {
          List<double[]> fx = new ArrayList<>();
          List<Boolean> fy = new ArrayList<>();
          for (int k : r.reviewPairs()) {
            fx.add(ctx.features(k));
            fy.add(
                truth.get(r.left(k)).equals(truth.get(r.right(k)))
                    != (r.cluster(r.left(k)) == r.cluster(r.right(k))));
          }
          System.out.println(
              "fit on the whole first list "
                  + java.util.Arrays.toString(RidgeLogistic.fit(fx, fy, 1.0)));
        }
        double[] beta =
            java.util.Arrays.stream(System.getProperty("beta").split(":"))
                .mapToDouble(Double::parseDouble)
                .toArray();
        todo = ReviewOrders.ranked(r, ctx, beta);
      } else if (order.equals("learned")) {
        todo = ReviewOrders.learned(r, ctx, seen, seenWrong);
      } else {
        todo = ReviewOrders.impact(r, decidedIdx, order);
      }
      int take = Math.min(per, todo.size());
      int same = 0;
      int mergedAsked = 0;
      int useful = 0;
      for (int k : todo.subList(0, take)) {
        int a = r.left(k);
        int b = r.right(k);
        boolean t = truth.get(a).equals(truth.get(b));
        same += t ? 1 : 0;
        boolean together = r.cluster(a) == r.cluster(b);
        mergedAsked += together ? 1 : 0;
        useful += t != together ? 1 : 0;
        seen.add(ctx.features(k));
        seenWrong.add(t != together);
        decidedIdx.add(new int[] {a, b, t ? 1 : 0});
        decisions.add(
            new Decision(
                r.source(a),
                r.recordId(a),
                r.source(b),
                r.recordId(b),
                t ? Decision.Verdict.SAME : Decision.Verdict.DIFFERENT,
                "review"));
      }
      Set<Long> before = errors(r, truth);
      r = linker.link(lists.sources(), decisions, List.of(), m -> {});
      Set<Long> after = errors(r, truth);
      int fixed = 0;
      int made = 0;
      for (long e : before) {
        fixed += after.contains(e) ? 0 : 1;
      }
      for (long e : after) {
        made += before.contains(e) ? 0 : 1;
      }
      System.out.printf(
          Locale.ROOT,
          "  wrong pairs %d -> %d: %d fixed, %d new%n",
          before.size(),
          after.size(),
          fixed,
          made);
      PairMetrics m = PairMetrics.of(r, truth, false);
      System.out.printf(
          Locale.ROOT,
          "%s round %d: %d decisions (%d same, %d asked of merged pairs, %d against the clustering)"
              + " P=%.4f R=%.4f F1=%.4f"
              + " clusters=%d persons=%d%n",
          order,
          round,
          decisions.size(),
          same,
          mergedAsked,
          useful,
          m.precision(),
          m.recall(),
          m.f1(),
          m.clusters(),
          m.persons());
    }
  }

  /** Record pairs the clustering gets wrong: together and two persons, or apart and one. */
  static Set<Long> errors(LinkResult r, List<String> truth) {
    Set<Long> out = new HashSet<>();
    Map<Integer, List<Integer>> byCluster = new HashMap<>();
    Map<String, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byCluster.computeIfAbsent(r.cluster(i), x -> new ArrayList<>()).add(i);
      byPerson.computeIfAbsent(truth.get(i), x -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : byCluster.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          if (!truth.get(g.get(x)).equals(truth.get(g.get(y)))) {
            out.add(((long) Math.min(g.get(x), g.get(y)) << 32) | Math.max(g.get(x), g.get(y)));
          }
        }
      }
    }
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          if (r.cluster(g.get(x)) != r.cluster(g.get(y))) {
            out.add(((long) Math.min(g.get(x), g.get(y)) << 32) | Math.max(g.get(x), g.get(y)));
          }
        }
      }
    }
    return out;
  }
}
