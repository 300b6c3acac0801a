package org.sijill.linkage.clustering;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.sijill.linkage.Linker;
import org.sijill.linkage.internal.LongList;

/**
 * Clusters records from pair weights (log-odds of a match, shifted by the threshold) with greedy
 * additive edge contraction, a standard heuristic for correlation clustering: repeatedly merge the
 * two clusters whose summed pair weights are the highest positive total; stop when no positive
 * total is left.
 *
 * <p>Why not connected components: one weak link (a brother who looks like his brother's record on
 * another list) would chain two people into one. Here a merge must be supported by the sum of all
 * scored pairs between the two clusters, so the strong disagreements between the brothers' own
 * records outweigh the one weak link. In {@code link} mode two clusters that contain records of the
 * same source never merge.
 */
public final class Clusterer {
  /** (record, source) slots the mutual-best pass keeps in flat arrays before using a map. */
  public static final int MUTUAL_BEST_MAX_FLAT = 1 << 25;

  /** Pairs from which the mutual-best pass finds the best candidates on all cores. */
  static final int PARALLEL_FROM = 1 << 20;

  private Clusterer() {}

  /** Returns the cluster index of every record (records alone get their own cluster). */
  public static int[] cluster(int n, long[] pairs, float[] weight, int[] source, boolean linkOnly) {
    return cluster(n, pairs, weight, new long[0], new float[0], source, linkOnly);
  }

  /**
   * As {@link #cluster(int, long[], float[], int[], boolean)} on the pairs of {@code pairs}
   * followed by those of {@code more} (with {@code moreWeight}), without joining them into new
   * arrays: at a million records the copies were 1.5 GB.
   */
  public static int[] cluster(
      int n,
      long[] pairs,
      float[] weight,
      long[] more,
      float[] moreWeight,
      int[] source,
      boolean linkOnly) {
    int[] parent = positiveComponents(n, pairs, weight);
    for (int p = 0; p < more.length; p++) {
      if (moreWeight[p] > 0) {
        union(parent, (int) (more[p] >>> 32), (int) more[p]);
      }
    }
    // each record's root once, so that the pass over all pairs below reads one int per record
    // instead of walking the parents (a hundred million pairs at a million records)
    int[] root = new int[n];
    // Group the pairs by component; only components with 3+ records need contraction.
    int[] compSize = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = find(parent, i);
      compSize[root[i]]++;
    }
    Map<Integer, List<Integer>> edgesByComp = new HashMap<>();
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    int total = pairs.length + more.length;
    for (int p = 0; p < total; p++) {
      long pair = p < pairs.length ? pairs[p] : more[p - pairs.length];
      int a = (int) (pair >>> 32);
      int b = (int) pair;
      int ra = root[a];
      if (ra != root[b]) {
        continue;
      }
      if (compSize[ra] == 2) {
        float w = p < pairs.length ? weight[p] : moreWeight[p - pairs.length];
        if (w > 0 && !(linkOnly && source[a] == source[b])) {
          label[b] = a;
          label[a] = a;
        }
      } else {
        edgesByComp.computeIfAbsent(ra, k -> new ArrayList<>()).add(p);
      }
    }
    for (List<Integer> edges : edgesByComp.values()) {
      // the component's pairs in their order, from either array
      long[] ep = new long[edges.size()];
      float[] ew = new float[edges.size()];
      List<Integer> local = new ArrayList<>(edges.size());
      for (int e = 0; e < ep.length; e++) {
        int p = edges.get(e);
        ep[e] = p < pairs.length ? pairs[p] : more[p - pairs.length];
        ew[e] = p < pairs.length ? weight[p] : moreWeight[p - pairs.length];
        local.add(e);
      }
      contract(local, ep, ew, source, linkOnly, label);
    }
    // Compact labels to 0..k-1 in record order.
    int[] out = new int[n];
    Map<Integer, Integer> ids = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int l = label[i];
      while (label[l] != l) {
        l = label[l];
      }
      out[i] = ids.computeIfAbsent(l, k -> ids.size());
    }
    return out;
  }

  /**
   * The soft one-to-one rule across sources: a pair of records from different sources whose
   * log-odds lie in [{@code floor}, {@code threshold}) gets the weight {@code promoted} (instead of
   * its negative one) when each record is the other's single best candidate in the other's source
   * and every other candidate of either record in that source scores at least {@code margin} lower.
   * Within a source nothing changes: relatives share a list. The clusterer still adds up all pairs
   * between two clusters, so a promoted pair merges nothing the other records' pairs speak against.
   * One pass over the pairs to find each record's best and second-best candidate per source, one to
   * promote.
   *
   * @param maxFlat above this many (record, source) slots they are kept in a map, not arrays
   * @return the number of pairs promoted
   */
  public static int promoteMutualBest(
      long[] pairs,
      float[] logit,
      float[] weight,
      int[] source,
      int sources,
      double floor,
      double threshold,
      double margin,
      float promoted,
      int maxFlat) {
    return mutualBest(
        pairs,
        logit,
        source,
        sources,
        floor,
        threshold,
        margin,
        maxFlat,
        p -> weight[p] = promoted);
  }

  /**
   * The pairs {@link #promoteMutualBest} promotes, each told to {@code linked} (in pair order)
   * instead of written into a weight array; returns how many.
   */
  public static int mutualBest(
      long[] pairs,
      float[] logit,
      int[] source,
      int sources,
      double floor,
      double threshold,
      double margin,
      int maxFlat,
      java.util.function.IntConsumer linked) {
    Slots slots = new Slots((long) source.length * sources, maxFlat);
    int records = source.length;
    int ranges =
        slots.flat() && pairs.length >= PARALLEL_FROM
            ? Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()))
            : 1;
    // on all cores when the slots are arrays, each thread the slots of its range of records: every
    // thread reads every pair (in order, cheap) but offers only to its own slots (the random
    // writes are the cost), so each slot sees its offers in pair order, as in one pass, and ends
    // the same. On one core, this pass was most of the 3 s between scoring and clustering at 1M.
    java.util.stream.IntStream.range(0, ranges)
        .parallel()
        .forEach(
            t -> {
              int lo = (int) ((long) records * t / ranges);
              int hi = (int) ((long) records * (t + 1) / ranges);
              for (int p = 0; p < pairs.length; p++) {
                int a = (int) (pairs[p] >>> 32);
                int b = (int) pairs[p];
                boolean inA = a >= lo && a < hi;
                boolean inB = b >= lo && b < hi;
                if ((inA || inB) && source[a] != source[b]) {
                  if (inA) {
                    slots.offer((long) a * sources + source[b], logit[p], p);
                  }
                  if (inB) {
                    slots.offer((long) b * sources + source[a], logit[p], p);
                  }
                }
              }
            });
    int count = 0;
    for (int p = 0; p < pairs.length; p++) {
      int a = (int) (pairs[p] >>> 32);
      int b = (int) pairs[p];
      float l = logit[p];
      if (source[a] == source[b] || l < floor || l >= threshold) {
        continue;
      }
      if (slots.clearBest((long) a * sources + source[b], p, l, margin)
          && slots.clearBest((long) b * sources + source[a], p, l, margin)) {
        linked.accept(p);
        count++;
      }
    }
    return count;
  }

  /**
   * Best and second-best log-odds, and the best pair, per (record, other source): flat arrays when
   * they fit (few sources), else a map of the slots in use.
   */
  private static final class Slots {
    private final Map<Long, Integer> index;
    private float[] best;
    private float[] second;
    private int[] arg;
    private int used;

    /** Whether the slots are arrays indexed by key (safe to fill from threads of disjoint keys). */
    boolean flat() {
      return index == null;
    }

    Slots(long size, int maxFlat) {
      index = size > maxFlat ? new HashMap<>() : null;
      int cap = index == null ? (int) size : 1 << 16;
      best = new float[cap];
      second = new float[cap];
      arg = new int[cap];
      clear(0);
    }

    private void clear(int from) {
      java.util.Arrays.fill(best, from, best.length, Float.NEGATIVE_INFINITY);
      java.util.Arrays.fill(second, from, second.length, Float.NEGATIVE_INFINITY);
      java.util.Arrays.fill(arg, from, arg.length, -1);
    }

    private int slot(long key, boolean create) {
      if (index == null) {
        return (int) key;
      }
      Integer i = index.get(key);
      if (i != null || !create) {
        return i == null ? -1 : i;
      }
      if (used == best.length) {
        int old = best.length;
        best = java.util.Arrays.copyOf(best, old * 2);
        second = java.util.Arrays.copyOf(second, old * 2);
        arg = java.util.Arrays.copyOf(arg, old * 2);
        clear(old);
      }
      index.put(key, used);
      return used++;
    }

    void offer(long key, float l, int p) {
      int i = slot(key, true);
      if (l > best[i]) {
        second[i] = best[i];
        best[i] = l;
        arg[i] = p;
      } else if (l > second[i]) {
        second[i] = l;
      }
    }

    boolean clearBest(long key, int p, float l, double margin) {
      int i = slot(key, false);
      return i >= 0 && arg[i] == p && second[i] < l && second[i] <= l - margin;
    }
  }

  /**
   * The record pairs, absent from the sorted {@code pairs}, inside each component of 3 to {@code
   * maxSize} records joined by positive weights: the pairs contraction could merge without ever
   * having compared them.
   */
  public static long[] uncomparedWithinComponents(
      int n, long[] pairs, float[] weight, int maxSize) {
    int[] parent = positiveComponents(n, pairs, weight);
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      size[find(parent, i)]++;
    }
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (size[r] >= 3 && size[r] <= maxSize) {
        members.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
      }
    }
    LongList out = new LongList(16);
    for (List<Integer> m : members.values()) {
      if (m.size() < 3 || m.size() > maxSize) {
        continue;
      }
      for (int x = 0; x < m.size(); x++) {
        for (int y = x + 1; y < m.size(); y++) {
          long k = Linker.key(m.get(x), m.get(y));
          if (java.util.Arrays.binarySearch(pairs, k) < 0) {
            out.add(k);
          }
        }
      }
    }
    return out.sortedDistinct();
  }

  /** Union-find parents of the components that pairs of positive weight join. */
  private static int[] positiveComponents(int n, long[] pairs, float[] weight) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int p = 0; p < pairs.length; p++) {
      if (weight[p] > 0) {
        union(parent, (int) (pairs[p] >>> 32), (int) pairs[p]);
      }
    }
    return parent;
  }

  private record Edge(double w, int a, int b) {}

  private static void contract(
      List<Integer> edgeIdx,
      long[] pairs,
      float[] weight,
      int[] source,
      boolean linkOnly,
      int[] label) {
    Map<Integer, Map<Integer, Double>> adj = new HashMap<>();
    Map<Integer, BitSet> sources = new HashMap<>();
    Map<Integer, Integer> size = new HashMap<>();
    PriorityQueue<Edge> queue = new PriorityQueue<>((x, y) -> Double.compare(y.w, x.w));
    for (int p : edgeIdx) {
      int a = (int) (pairs[p] >>> 32);
      int b = (int) pairs[p];
      double w = weight[p];
      adj.computeIfAbsent(a, k -> new HashMap<>()).merge(b, w, Double::sum);
      adj.computeIfAbsent(b, k -> new HashMap<>()).merge(a, w, Double::sum);
      for (int r : new int[] {a, b}) {
        sources.computeIfAbsent(
            r,
            k -> {
              BitSet s = new BitSet();
              s.set(source[k]);
              return s;
            });
        size.putIfAbsent(r, 1);
      }
    }
    for (Map.Entry<Integer, Map<Integer, Double>> e : adj.entrySet()) {
      for (Map.Entry<Integer, Double> f : e.getValue().entrySet()) {
        if (e.getKey() < f.getKey() && f.getValue() > 0) {
          queue.add(new Edge(f.getValue(), e.getKey(), f.getKey()));
        }
      }
    }
    while (!queue.isEmpty()) {
      Edge e = queue.poll();
      Map<Integer, Double> na = adj.get(e.a);
      Map<Integer, Double> nb = adj.get(e.b);
      if (na == null || nb == null) {
        continue; // a side was merged away
      }
      Double current = na.get(e.b);
      if (current == null || current != e.w) {
        continue; // stale entry
      }
      if (linkOnly && sources.get(e.a).intersects(sources.get(e.b))) {
        continue;
      }
      int keep = size.get(e.a) >= size.get(e.b) ? e.a : e.b;
      int gone = keep == e.a ? e.b : e.a;
      Map<Integer, Double> nk = adj.get(keep);
      Map<Integer, Double> ng = adj.remove(gone);
      nk.remove(gone);
      for (Map.Entry<Integer, Double> x : ng.entrySet()) {
        int other = x.getKey();
        if (other == keep) {
          continue;
        }
        double sum = nk.merge(other, x.getValue(), Double::sum);
        Map<Integer, Double> no = adj.get(other);
        no.remove(gone);
        no.put(keep, sum);
        if (sum > 0) {
          queue.add(new Edge(sum, Math.min(keep, other), Math.max(keep, other)));
        }
      }
      sources.get(keep).or(sources.remove(gone));
      size.put(keep, size.get(keep) + size.remove(gone));
      label[gone] = keep;
    }
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[ra] = rb;
    }
  }
}
