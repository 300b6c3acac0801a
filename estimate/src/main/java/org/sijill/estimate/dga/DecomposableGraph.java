package org.sijill.estimate.dga;

import java.util.ArrayList;
import java.util.List;

/**
 * A decomposable (chordal) graph over the lists, by its maximal cliques in a perfect order and the
 * non-empty separators between them (bit masks over lists). Under a hyper-Dirichlet prior its
 * marginal likelihood factorises over cliques and separators (Dawid and Lauritzen 1993), which is
 * what makes {@link Dga} exact.
 */
public record DecomposableGraph(int t, int[] cliques, int[] separators) {

  /** All decomposable graphs on {@code t} labelled vertices (8, 61, 822 for t = 3, 4, 5). */
  static List<DecomposableGraph> all(int t) {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        edges.add(new int[] {i, j});
      }
    }
    List<DecomposableGraph> out = new ArrayList<>();
    for (int subset = 0; subset < 1 << edges.size(); subset++) {
      int[] adj = new int[t];
      for (int e = 0; e < edges.size(); e++) {
        if ((subset >> e & 1) == 1) {
          int[] ed = edges.get(e);
          adj[ed[0]] |= 1 << ed[1];
          adj[ed[1]] |= 1 << ed[0];
        }
      }
      DecomposableGraph g = fromAdjacency(t, adj);
      if (g != null) {
        out.add(g);
      }
    }
    return out;
  }

  /** The graph's cliques and separators, or null when it is not chordal. */
  static DecomposableGraph fromAdjacency(int t, int[] adj) {
    // maximum cardinality search
    int[] order = new int[t];
    int numbered = 0;
    int[] weight = new int[t];
    for (int step = 0; step < t; step++) {
      int best = -1;
      for (int v = 0; v < t; v++) {
        if ((numbered >> v & 1) == 0 && (best < 0 || weight[v] > weight[best])) {
          best = v;
        }
      }
      order[step] = best;
      numbered |= 1 << best;
      for (int v = 0; v < t; v++) {
        if ((adj[best] >> v & 1) == 1) {
          weight[v]++;
        }
      }
    }
    int[] candidate = new int[t];
    int seen = 0;
    for (int step = 0; step < t; step++) {
      int v = order[step];
      int earlier = adj[v] & seen;
      // chordal iff the earlier-numbered neighbours of every vertex form a clique
      for (int u = 0; u < t; u++) {
        if ((earlier >> u & 1) == 1 && (earlier & ~(1 << u) & ~adj[u]) != 0) {
          return null;
        }
      }
      candidate[step] = earlier | (1 << v);
      seen |= 1 << v;
    }
    List<Integer> cliques = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      boolean maximal = true;
      for (int j = 0; j < t; j++) {
        if (j != i
            && (candidate[i] & candidate[j]) == candidate[i]
            && (candidate[i] != candidate[j] || j < i)) {
          maximal = false;
          break;
        }
      }
      if (maximal) {
        cliques.add(candidate[i]);
      }
    }
    List<Integer> seps = new ArrayList<>();
    int union = 0;
    for (int c : cliques) {
      int s = c & union;
      if (s != 0) {
        seps.add(s);
      }
      union |= c;
    }
    return new DecomposableGraph(
        t,
        cliques.stream().mapToInt(Integer::intValue).toArray(),
        seps.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Name in the command-line model syntax, e.g. {@code A*B+B*C+D}. */
  public String name(List<String> lists) {
    List<String> parts = new ArrayList<>();
    for (int c : cliques) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < t; i++) {
        if ((c >> i & 1) == 1) {
          names.add(lists.get(i));
        }
      }
      parts.add(String.join("*", names));
    }
    return String.join("+", parts);
  }
}
