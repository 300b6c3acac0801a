package org.sijill.estimate.dga;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the decomposable graphs {@link Dga} averages over: every graph on t labelled lists is tried
 * (2^(t(t-1)/2) edge sets, so t stays small), kept when chordal, and read into its maximal cliques
 * in a perfect order with the separators between them. Chordality is tested by maximum cardinality
 * search (Tarjan and Yannakakis 1984): a graph is chordal exactly when each vertex's
 * earlier-numbered neighbours form a clique.
 */
final class ChordalGraphs {
  private ChordalGraphs() {}

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
    return DecomposableGraph.fromPerfectOrder(t, candidate);
  }
}
