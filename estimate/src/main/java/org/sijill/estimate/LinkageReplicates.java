package org.sijill.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.sijill.estimate.internal.UnionFind;

/**
 * Replicates of a linkage: other clusterings of the same records that the contested pairs' match
 * probabilities allow, drawn as clusterings and not pair by pair.
 *
 * <p>What a replicate may change. Two records of one person with no contested pair between them
 * stay together, so the run's persons fall into <em>atoms</em> (the parts their uncontested links
 * hold together). Two atoms may share a person in a replicate only through a contested pair between
 * them, and only if no list names both of them (a person is on a list once) unless every pair of
 * records between them is contested. Atoms with no contested pair between them stay apart, as the
 * run left them.
 *
 * <p>How likely each clustering is. A clustering of the atoms has probability proportional to the
 * product over contested pairs of p if it puts the pair together and 1 − p if not: each pair's own
 * evidence, with the clustering's transitivity imposed. For a contested pair alone in its part of
 * the graph this is the pair drawn a match with its probability; where pairs share records it is
 * not: a record with contested pairs to two persons that must stay apart joins at most one of them.
 * (Drawing each pair on its own joined it to both a p·q share of the time, merging two persons the
 * run kept apart, and the replicates documented too few people.) Connected parts of at most {@value
 * #EXACT_ATOMS} atoms are drawn exactly (every allowed clustering enumerated and weighed); larger
 * ones by Gibbs sampling that starts from the run's clustering and moves one atom at a time.
 */
public final class LinkageReplicates {
  private LinkageReplicates() {}

  /** Largest connected part whose clusterings are enumerated rather than Gibbs-sampled. */
  static final int EXACT_ATOMS = 9;

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
   * A pair a reviewer decided, as the run that put it up for review saw it.
   *
   * @param probability the probability that run would have drawn the pair with
   * @param merged whether that run put the two records in one person
   * @param same the reviewer's verdict: the same person
   */
  public record Reviewed(double probability, boolean merged, boolean same) {
    public Reviewed {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("match probability must lie in [0, 1]: " + probability);
      }
    }
  }

  /**
   * How far the model's probabilities of the contested pairs sit from what reviewers found, on the
   * log-odds scale, separately for pairs the run merged and pairs it left apart: the undecided
   * pairs are drawn with {@code logit(p) + shift} of their kind.
   *
   * <p>Why per kind and why only a shift. Pairs the clustering merged and pairs it kept apart are
   * miscalibrated in opposite directions (docs/estimation.md, "Calibrating the contested pairs from
   * review decisions"): merged pairs are true matches more often than their probability says, pairs
   * left apart less often. A reviewer's first decisions are few (tens), on which a logistic fit
   * with a slope is unstable; an intercept alone is sturdy. Each shift is the posterior mode under
   * a normal prior with standard deviation 1 centred on no shift, so a kind with no decision keeps
   * its probabilities and one decision moves them little.
   *
   * @param mergedShift log-odds added to pairs the run merged
   * @param mergedReviewed decisions the merged shift was fitted on
   * @param apartShift log-odds added to pairs the run left apart
   * @param apartReviewed decisions the apart shift was fitted on
   */
  public record Calibration(
      double mergedShift, int mergedReviewed, double apartShift, int apartReviewed) {
    /** No decisions: every probability as the model gives it. */
    public static final Calibration NONE = new Calibration(0, 0, 0, 0);

    /** The shifts fitted on {@code reviewed} (each kind on its own decisions). */
    public static Calibration fit(List<Reviewed> reviewed) {
      List<Reviewed> merged = new ArrayList<>();
      List<Reviewed> apart = new ArrayList<>();
      for (Reviewed r : reviewed) {
        (r.merged() ? merged : apart).add(r);
      }
      return new Calibration(shift(merged), merged.size(), shift(apart), apart.size());
    }

    /** The probability an undecided pair of this kind is drawn with. */
    public double apply(double probability, boolean merged) {
      double shift = merged ? mergedShift : apartShift;
      if (shift == 0) {
        return probability;
      }
      return 1 / (1 + Math.exp(-(logOdds(probability) + shift)));
    }

    /**
     * The contested pairs with their probabilities calibrated; a pair's kind read off {@code
     * cluster}.
     */
    public List<Pair> apply(int[] cluster, List<Pair> contested) {
      List<Pair> out = new ArrayList<>(contested.size());
      for (Pair p : contested) {
        boolean merged = cluster[p.left()] == cluster[p.right()];
        out.add(new Pair(p.left(), p.right(), apply(p.probability(), merged)));
      }
      return out;
    }

    /**
     * Newton's method for the intercept a maximising sum log Bernoulli(same | logit(p) + a) -
     * a^2/2.
     */
    private static double shift(List<Reviewed> decided) {
      double a = 0;
      for (int it = 0; it < 100; it++) {
        double gradient = -a;
        double curvature = 1;
        for (Reviewed r : decided) {
          double mu = 1 / (1 + Math.exp(-(logOdds(r.probability()) + a)));
          gradient += (r.same() ? 1 : 0) - mu;
          curvature += mu * (1 - mu);
        }
        double step = gradient / curvature;
        a += step;
        if (Math.abs(step) < 1e-12) {
          break;
        }
      }
      return a;
    }
  }

  /**
   * Draws {@code m} replicates.
   *
   * @param cluster the run's person of each record (any labels)
   * @param list the list of each record (any labels)
   * @param contested the pairs to draw again (a pair given twice counts once)
   * @return per replicate, a person label per record (labels are record indexes of a
   *     representative)
   */
  public static List<int[]> draw(
      int[] cluster, int[] list, List<Pair> contested, int m, long seed) {
    if (list.length != cluster.length) {
      throw new IllegalArgumentException("a list is needed for every record");
    }
    SplittableRandom rng = new SplittableRandom(seed ^ 0x7265706C69636173L);
    Map<Long, Double> pairs = new HashMap<>();
    for (Pair p : contested) {
      pairs.putIfAbsent(key(p.left(), p.right()), p.probability());
    }
    int[] atom = atoms(cluster, pairs);
    int atoms = 0;
    for (int a : atom) {
      atoms = Math.max(atoms, a + 1);
    }
    int[] size = new int[atoms];
    for (int a : atom) {
      size[a]++;
    }
    // contested pairs between atoms: how many, and the sum of their log-odds
    Map<Long, double[]> between = new HashMap<>();
    for (Map.Entry<Long, Double> e : pairs.entrySet()) {
      int a = atom[(int) (e.getKey() >>> 32)];
      int b = atom[(int) (long) e.getKey()];
      if (a != b) {
        double[] v = between.computeIfAbsent(key(a, b), k -> new double[2]);
        v[0]++;
        v[1] += logOdds(e.getValue());
      }
    }
    java.util.BitSet[] lists = new java.util.BitSet[atoms];
    for (int i = 0; i < atom.length; i++) {
      if (lists[atom[i]] == null) {
        lists[atom[i]] = new java.util.BitSet();
      }
      lists[atom[i]].set(list[i]);
    }
    // two atoms may share a person if no list names both, or if every pair of records between them
    // is contested
    Map<Integer, Map<Integer, Double>> allowed = new HashMap<>();
    UnionFind parts = new UnionFind(atoms);
    for (Map.Entry<Long, double[]> e : between.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      if (!lists[a].intersects(lists[b]) || e.getValue()[0] == (double) size[a] * size[b]) {
        allowed.computeIfAbsent(a, k -> new HashMap<>()).put(b, e.getValue()[1]);
        allowed.computeIfAbsent(b, k -> new HashMap<>()).put(a, e.getValue()[1]);
        parts.union(a, b);
      }
    }
    Map<Integer, List<Integer>> partAtoms = new HashMap<>();
    for (int a : allowed.keySet()) {
      partAtoms.computeIfAbsent(parts.find(a), k -> new ArrayList<>()).add(a);
    }
    int[] runBlockOfAtom = new int[atoms];
    for (int i = 0; i < atom.length; i++) {
      runBlockOfAtom[atom[i]] = cluster[i];
    }
    // per replicate, the block (an atom index naming it) of every atom in a part
    int[][] blockOf = new int[m][atoms];
    for (int[] b : blockOf) {
      for (int a = 0; a < atoms; a++) {
        b[a] = a;
      }
    }
    List<Integer> roots = new ArrayList<>(partAtoms.keySet());
    roots.sort(null);
    for (int root : roots) {
      List<Integer> part = partAtoms.get(root);
      part.sort(null);
      if (part.size() <= EXACT_ATOMS) {
        PartDraws.exact(part, allowed, blockOf, rng);
      } else {
        PartDraws.gibbs(part, allowed, runBlockOfAtom, blockOf, rng);
      }
    }
    List<int[]> out = new ArrayList<>(m);
    for (int r = 0; r < m; r++) {
      UnionFind sets = new UnionFind(cluster.length);
      int[] first = new int[atoms];
      Arrays.fill(first, -1);
      for (int i = 0; i < atom.length; i++) {
        int b = blockOf[r][atom[i]];
        if (first[b] < 0) {
          first[b] = i;
        } else {
          sets.union(first[b], i);
        }
      }
      out.add(sets.labels());
    }
    return out;
  }

  /**
   * The run's persons cut into the parts their uncontested links hold together: records of one
   * person are linked unless a contested pair lies between them.
   */
  private static int[] atoms(int[] cluster, Map<Long, Double> pairs) {
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < cluster.length; i++) {
      members.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(i);
    }
    Set<Integer> cut = new HashSet<>();
    for (long k : pairs.keySet()) {
      int a = (int) (k >>> 32);
      int b = (int) k;
      if (cluster[a] == cluster[b]) {
        cut.add(cluster[a]);
      }
    }
    UnionFind sets = new UnionFind(cluster.length);
    for (List<Integer> recs : members.values()) {
      boolean whole = !cut.contains(cluster[recs.get(0)]);
      for (int i = 0; i < recs.size(); i++) {
        for (int j = i + 1; j < recs.size(); j++) {
          if (whole) {
            sets.union(recs.get(0), recs.get(j));
          } else if (!pairs.containsKey(key(recs.get(i), recs.get(j)))) {
            sets.union(recs.get(i), recs.get(j));
          }
        }
        if (whole) {
          break;
        }
      }
    }
    int[] label = sets.labels();
    int[] dense = new int[cluster.length];
    Arrays.fill(dense, -1);
    int next = 0;
    int[] atom = new int[cluster.length];
    for (int i = 0; i < label.length; i++) {
      if (dense[label[i]] < 0) {
        dense[label[i]] = next++;
      }
      atom[i] = dense[label[i]];
    }
    return atom;
  }

  private static double logOdds(double p) {
    double q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
    return Math.log(q / (1 - q));
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }
}
