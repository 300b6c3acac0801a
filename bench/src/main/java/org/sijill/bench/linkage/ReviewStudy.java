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
 * after, how many the round fixed and how many it newly got wrong. Usage: {@code java -cp
 * bench/target/sijill-bench.jar org.sijill.bench.linkage.ReviewStudy N SEED}.
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
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = Math.min(g.get(x), g.get(y));
          int b = Math.max(g.get(x), g.get(y));
          if (r.cluster(a) == r.cluster(b)) {
            continue;
          }
          long ck =
              ((long) Math.min(r.cluster(a), r.cluster(b)) << 32)
                  | Math.max(r.cluster(a), r.cluster(b));
          long pk = ((long) a << 32) | b;
          double p = prob.getOrDefault(pk, -1.0);
          joins.merge(ck, p, Math::max);
          joinShown.merge(ck, reviewSet.contains(pk), Boolean::logicalOr);
        }
      }
    }
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
      Context ctx = new Context(r);
      List<Integer> todo;
      if (order.equals("product") || (order.equals("learned") && round == 1)) {
        todo = r.reviewPairs();
      } else if (order.startsWith("margin")) {
        todo = margin(r, ctx, order);
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
              "fit on the whole first list " + java.util.Arrays.toString(fit(fx, fy, 1.0)));
        }
        double[] beta =
            java.util.Arrays.stream(System.getProperty("beta").split(":"))
                .mapToDouble(Double::parseDouble)
                .toArray();
        todo = ranked(r, ctx, beta);
      } else if (order.equals("learned")) {
        todo = learned(r, ctx, seen, seenWrong);
      } else {
        todo = impact(r, decidedIdx, order);
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

  /** Candidate review orders built from the public result. */
  static List<Integer> impact(LinkResult r, List<int[]> decided, String order) {
    int n = r.size();
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      size[r.cluster(i)]++;
    }
    Set<Long> decidedPairs = new HashSet<>();
    Set<Long> apartClusters = new HashSet<>();
    for (int[] d : decided) {
      decidedPairs.add(((long) Math.min(d[0], d[1]) << 32) | Math.max(d[0], d[1]));
      int ca = r.cluster(d[0]);
      int cb = r.cluster(d[1]);
      if (d[2] == 0 && ca != cb) {
        apartClusters.add(((long) Math.min(ca, cb) << 32) | Math.max(ca, cb));
      }
    }
    Map<Long, Integer> bestApart = new HashMap<>();
    Map<Long, Double> sumApart = new HashMap<>();
    List<Integer> merged = new ArrayList<>();
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      if (decidedPairs.contains(((long) a << 32) | b)) {
        continue;
      }
      double p = r.probability(k);
      int ca = r.cluster(a);
      int cb = r.cluster(b);
      if (ca == cb) {
        if (p <= 0.9) {
          merged.add(k);
        }
        continue;
      }
      long ck = ((long) Math.min(ca, cb) << 32) | Math.max(ca, cb);
      double lg = Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
      sumApart.merge(ck, lg, Double::sum);
      if (p < 0.1 || apartClusters.contains(ck)) {
        continue;
      }
      Integer best = bestApart.get(ck);
      if (best == null || r.probability(best) < p) {
        bestApart.put(ck, k);
      }
    }
    Map<Integer, Double> score = new HashMap<>();
    for (Map.Entry<Long, Integer> e : bestApart.entrySet()) {
      int k = e.getValue();
      double p = r.probability(k);
      int ca = r.cluster(r.left(k));
      int cb = r.cluster(r.right(k));
      double q = p;
      if (order.equals("impact-mean")) {
        long pairsBetween = (long) size[ca] * size[cb];
        q = 1 / (1 + Math.exp(-sumApart.get(e.getKey()) / pairsBetween));
      }
      double flips = order.startsWith("impact-flat") ? 1 : (double) size[ca] * size[cb];
      score.put(k, q * flips);
    }
    for (int k : merged) {
      double p = r.probability(k);
      int c = r.cluster(r.left(k));
      double flips = order.startsWith("impact-flat") ? 1 : size[c] - 1;
      score.put(k, (1 - p) * flips);
    }
    List<Integer> out = new ArrayList<>(score.keySet());
    out.sort((x, y) -> Double.compare(score.get(y), score.get(x)));
    return out;
  }

  /** Per record: the summed clustering weight to the other records of its cluster. */
  static final class Context {
    final LinkResult r;
    final Map<Long, Double> between = new HashMap<>();
    final double[] attach;
    final double shift;

    Context(LinkResult r) {
      this.r = r;
      // the threshold LinkageBench.tuned links with
      double t = Double.parseDouble(System.getProperty("threshold", "0.5"));
      shift = Math.log(t / (1 - t));
      attach = new double[r.size()];
      for (int k = 0; k < r.pairCount(); k++) {
        int a = r.left(k);
        int b = r.right(k);
        double w = logit(r.probability(k)) - shift;
        int ca = r.cluster(a);
        int cb = r.cluster(b);
        if (ca == cb) {
          attach[a] += w;
          attach[b] += w;
        } else {
          between.merge(((long) Math.min(ca, cb) << 32) | Math.max(ca, cb), w, Double::sum);
        }
      }
    }

    double[] features(int k) {
      int a = r.left(k);
      int b = r.right(k);
      double lg = logit(r.probability(k));
      int ca = r.cluster(a);
      int cb = r.cluster(b);
      boolean m = ca == cb;
      double c =
          m
              ? Math.min(attach[a], attach[b])
              : between.get(((long) Math.min(ca, cb) << 32) | Math.max(ca, cb));
      c = asinh(c);
      double mm = m ? 1 : 0;
      return new double[] {1, lg, mm, lg * mm, c, c * mm};
    }
  }

  static double asinh(double x) {
    return Math.log(x + Math.sqrt(x * x + 1));
  }

  static double logit(double p) {
    double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
    return Math.log(q / (1 - q));
  }

  /** Ridge logistic regression by Newton steps. */
  static double[] fit(List<double[]> x, List<Boolean> y, double ridge) {
    int d = x.get(0).length;
    double[] beta = new double[d];
    for (int it = 0; it < 50; it++) {
      double[] g = new double[d];
      double[][] h = new double[d][d];
      for (int j = 0; j < d; j++) {
        g[j] = -ridge * beta[j];
        h[j][j] = -ridge;
      }
      for (int i = 0; i < x.size(); i++) {
        double[] xi = x.get(i);
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += beta[j] * xi[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double e = (y.get(i) ? 1 : 0) - p;
        for (int j = 0; j < d; j++) {
          g[j] += e * xi[j];
          for (int l = 0; l < d; l++) {
            h[j][l] -= p * (1 - p) * xi[j] * xi[l];
          }
        }
      }
      double[] step = solve(h, g);
      double norm = 0;
      for (int j = 0; j < d; j++) {
        beta[j] -= step[j];
        norm += step[j] * step[j];
      }
      if (norm < 1e-12) {
        break;
      }
    }
    return beta;
  }

  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
      a[i][n] = b0[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k <= n; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = a[i][n] / a[i][i];
    }
    return x;
  }

  /** The product's review list reordered by the learned chance that the clustering is wrong. */
  static List<Integer> learned(LinkResult r, Context ctx, List<double[]> x, List<Boolean> y) {
    double[] beta = fit(x, y, 1.0);
    System.out.println("learned " + java.util.Arrays.toString(beta));
    return ranked(r, ctx, beta);
  }

  static List<Integer> ranked(LinkResult r, Context ctx, double[] beta) {
    List<Integer> pool = new ArrayList<>(r.reviewPairs());
    Map<Integer, Double> score = new HashMap<>();
    for (int k : pool) {
      double[] f = ctx.features(k);
      double z = 0;
      for (int j = 0; j < f.length; j++) {
        z += beta[j] * f[j];
      }
      score.put(k, z);
    }
    pool.sort((p, q) -> Double.compare(score.get(q), score.get(p)));
    return pool;
  }

  /** The product's review list ordered by the clusterer's own margin on the pair's question. */
  static List<Integer> margin(LinkResult r, Context ctx, String order) {
    List<Integer> pool = new ArrayList<>(r.reviewPairs());
    Map<Integer, Double> score = new HashMap<>();
    Set<Long> askedClusters = new HashSet<>();
    for (int k : pool) {
      int a = r.left(k);
      int b = r.right(k);
      int ca = r.cluster(a);
      int cb = r.cluster(b);
      double s;
      if (ca == cb) {
        s = Math.min(ctx.attach[a], ctx.attach[b]);
      } else {
        s = ctx.between.get(((long) Math.min(ca, cb) << 32) | Math.max(ca, cb));
      }
      score.put(k, Math.abs(s));
    }
    pool.sort((p, q) -> Double.compare(score.get(p), score.get(q)));
    if (order.equals("margin-one")) {
      List<Integer> first = new ArrayList<>();
      List<Integer> later = new ArrayList<>();
      for (int k : pool) {
        int ca = r.cluster(r.left(k));
        int cb = r.cluster(r.right(k));
        long key = ca == cb ? -1 - r.left(k) : ((long) Math.min(ca, cb) << 32) | Math.max(ca, cb);
        (askedClusters.add(key) ? first : later).add(k);
      }
      first.addAll(later);
      return first;
    }
    return pool;
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
