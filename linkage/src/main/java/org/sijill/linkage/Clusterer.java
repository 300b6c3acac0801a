package org.sijill.linkage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
final class Clusterer {
  private Clusterer() {}

  /** Returns the cluster index of every record (records alone get their own cluster). */
  static int[] cluster(int n, long[] pairs, float[] weight, int[] source, boolean linkOnly) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int p = 0; p < pairs.length; p++) {
      if (weight[p] > 0) {
        union(parent, (int) (pairs[p] >>> 32), (int) pairs[p]);
      }
    }
    // Group the pairs by component; only components with 3+ records need contraction.
    int[] compSize = new int[n];
    for (int i = 0; i < n; i++) {
      compSize[find(parent, i)]++;
    }
    Map<Integer, List<Integer>> edgesByComp = new HashMap<>();
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    for (int p = 0; p < pairs.length; p++) {
      int a = (int) (pairs[p] >>> 32);
      int b = (int) pairs[p];
      int ra = find(parent, a);
      if (ra != find(parent, b)) {
        continue;
      }
      if (compSize[ra] == 2) {
        if (weight[p] > 0 && !(linkOnly && source[a] == source[b])) {
          label[b] = a;
          label[a] = a;
        }
      } else {
        edgesByComp.computeIfAbsent(ra, k -> new ArrayList<>()).add(p);
      }
    }
    for (List<Integer> edges : edgesByComp.values()) {
      contract(edges, pairs, weight, source, linkOnly, label);
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
   * The record pairs, absent from the sorted {@code pairs}, inside each component of 3 to {@code
   * maxSize} records joined by positive weights: the pairs contraction could merge without ever
   * having compared them.
   */
  static long[] uncomparedWithinComponents(int n, long[] pairs, float[] weight, int maxSize) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int p = 0; p < pairs.length; p++) {
      if (weight[p] > 0) {
        union(parent, (int) (pairs[p] >>> 32), (int) pairs[p]);
      }
    }
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
