package org.sijill.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.sijill.estimate.internal.UnionFind;

/**
 * Replicates of a linkage: other clusterings of the same records that the contested pairs' match
 * probabilities allow. In each replicate every contested pair is drawn again, a match with its
 * probability: a pair the run left apart that is drawn a match joins its two persons; a pair the
 * run put together that is drawn a non-match no longer holds its person together, which then splits
 * into the parts its remaining links connect (records of one person are taken as linked to each
 * other unless a contested pair between them was drawn apart). Links nobody contested, and pairs a
 * reviewer decided, stay as the run made them.
 */
public final class LinkageReplicates {
  private LinkageReplicates() {}

  /**
   * A pair of records (by index) whose link is uncertain, with its match probability.
   *
   * @param left a record index
   * @param right another record index
   * @param probability the model's match probability, in [0, 1]
   */
  public record Pair(int left, int right, double probability) {
    public Pair {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("match probability must lie in [0, 1]: " + probability);
      }
      if (left == right) {
        throw new IllegalArgumentException("a record paired with itself");
      }
    }
  }

  /**
   * Draws {@code m} replicates.
   *
   * @param cluster the run's person of each record (any labels)
   * @param contested the pairs to draw again
   * @return per replicate, a person label per record (labels are record indexes of a
   *     representative)
   */
  public static List<int[]> draw(int[] cluster, List<Pair> contested, int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x7265706C69636173L);
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < cluster.length; i++) {
      members.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(i);
    }
    List<int[]> out = new ArrayList<>(m);
    for (int r = 0; r < m; r++) {
      UnionFind sets = new UnionFind(cluster.length);
      Map<Integer, Set<Long>> dropped = new HashMap<>();
      List<Pair> joined = new ArrayList<>();
      for (Pair p : contested) {
        boolean match = rng.nextDouble() < p.probability();
        boolean same = cluster[p.left()] == cluster[p.right()];
        if (same && !match) {
          dropped
              .computeIfAbsent(cluster[p.left()], k -> new HashSet<>())
              .add(key(p.left(), p.right()));
        } else if (!same && match) {
          joined.add(p);
        }
      }
      for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
        List<Integer> recs = e.getValue();
        Set<Long> cut = dropped.get(e.getKey());
        if (cut == null) {
          for (int i = 1; i < recs.size(); i++) {
            sets.union(recs.get(0), recs.get(i));
          }
        } else {
          for (int i = 0; i < recs.size(); i++) {
            for (int j = i + 1; j < recs.size(); j++) {
              if (!cut.contains(key(recs.get(i), recs.get(j)))) {
                sets.union(recs.get(i), recs.get(j));
              }
            }
          }
        }
      }
      for (Pair p : joined) {
        sets.union(p.left(), p.right());
      }
      out.add(sets.labels());
    }
    return out;
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }
}
