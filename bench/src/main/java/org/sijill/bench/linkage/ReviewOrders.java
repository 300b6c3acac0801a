package org.sijill.bench.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.linkage.LinkResult;

/**
 * The candidate review orders {@link ReviewStudy} compares, each built from the public link result:
 * impact, margin and the learned or fixed ranking.
 */
final class ReviewOrders {
  private ReviewOrders() {}

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

  /** The product's review list reordered by the learned chance that the clustering is wrong. */
  static List<Integer> learned(LinkResult r, Context ctx, List<double[]> x, List<Boolean> y) {
    double[] beta = RidgeLogistic.fit(x, y, 1.0);
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
}
