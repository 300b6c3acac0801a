package org.sijill.bench.linkage;

import java.util.List;
import java.util.Map;
import org.sijill.linkage.LinkResult;

/**
 * The pairs of records of one true person that a run left in two clusters: what the review studies
 * tabulate as missed joins.
 */
final class SplitPairs {
  private SplitPairs() {}

  /** One split pair: records a < b, their pair key and the key of their two clusters. */
  interface Visitor {
    void pair(int a, int b, long pairKey, long clusterPairKey);
  }

  /** Calls {@code v} for every pair of records of one true person in different clusters. */
  static void each(LinkResult r, Map<String, List<Integer>> byPerson, Visitor v) {
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = Math.min(g.get(x), g.get(y));
          int b = Math.max(g.get(x), g.get(y));
          if (r.cluster(a) == r.cluster(b)) {
            continue;
          }
          long clusters =
              ((long) Math.min(r.cluster(a), r.cluster(b)) << 32)
                  | Math.max(r.cluster(a), r.cluster(b));
          v.pair(a, b, ((long) a << 32) | b, clusters);
        }
      }
    }
  }
}
