package org.sijill.bench.estimate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sijill.estimate.LinkageReplicates;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/**
 * The linkage replicates on their own, without any estimate (issue 15): for the simulations of
 * {@link LinkageErrorStudy} (same lists, same linker), the number of persons the run documents, the
 * mean number its replicates document, and the true number, and how the contested pairs' match
 * probabilities compare with how often they are true matches. A replicate's documented count is
 * where a bias of the draws shows first: joins too many pull every estimate on it down.
 */
final class LinkageDrawCheck {
  private LinkageDrawCheck() {}

  static void run(int sims, long seed, int population, int replicates, int first) {
    double sumRun = 0;
    double sumRep = 0;
    double sumModel = 0;
    // per kind (0 promoted, 1 other same-cluster, 2 apart): pairs, summed p, summed draw p, matches
    double[][] kinds = new double[3][4];
    double sumTruth = 0;
    double[] probSum = new double[10];
    int[] pairs = new int[10];
    int[] matches = new int[10];
    for (int sim = first; sim < first + sims; sim++) {
      GeneratedLists g =
          VictimListGenerator.generate(LinkageErrorStudy.config(seed * 1000 + sim, population));
      List<String> truth = TestLists.truth(g);
      LinkageErrorStudy.Linked linked = LinkageErrorStudy.link(g);
      LinkResult r = linked.result();
      int[] cluster = linked.cluster();
      int[] list = LinkageErrorStudy.numbers(linked.list());
      List<LinkageReplicates.Pair> contested = new ArrayList<>();
      List<LinkageReplicates.Pair> model = new ArrayList<>();
      for (int k : r.reviewPairs()) {
        contested.add(new LinkageReplicates.Pair(r.left(k), r.right(k), r.drawProbability(k)));
        model.add(new LinkageReplicates.Pair(r.left(k), r.right(k), r.probability(k)));
        boolean same = r.cluster(r.left(k)) == r.cluster(r.right(k));
        double[] kind = kinds[r.promoted(k) ? 0 : same ? 1 : 2];
        kind[0]++;
        kind[1] += r.probability(k);
        kind[2] += r.drawProbability(k);
        kind[3] += truth.get(r.left(k)).equals(truth.get(r.right(k))) ? 1 : 0;
        int bin = Math.min(9, (int) (r.probability(k) * 10));
        probSum[bin] += r.probability(k);
        pairs[bin]++;
        matches[bin] += truth.get(r.left(k)).equals(truth.get(r.right(k))) ? 1 : 0;
      }
      long truthDocumented = new HashSet<>(truth).size();
      int runDocumented = distinct(cluster);
      double rep = 0;
      for (int[] label : LinkageReplicates.draw(cluster, list, contested, replicates, seed + sim)) {
        rep += distinct(label);
      }
      rep /= replicates;
      double modelRep = 0;
      for (int[] label : LinkageReplicates.draw(cluster, list, model, replicates, seed + sim)) {
        modelRep += distinct(label);
      }
      modelRep /= replicates;
      sumModel += modelRep;
      sumRun += runDocumented;
      sumRep += rep;
      sumTruth += truthDocumented;
      System.out.printf(
          Locale.ROOT,
          "sim %d: true %d, run %d (%+.2f%%), replicates' mean %.1f (%+.2f%%; model's p %+.2f%%),"
              + " %d contested%n",
          sim,
          truthDocumented,
          runDocumented,
          100.0 * runDocumented / truthDocumented - 100,
          rep,
          100.0 * rep / truthDocumented - 100,
          100.0 * modelRep / truthDocumented - 100,
          contested.size());
    }
    System.out.printf(
        Locale.ROOT,
        "documented over %d simulations: run %+.2f%%, replicates %+.2f%% (drawn with the model's"
            + " p: %+.2f%%) of the truth%n",
        sims,
        100 * sumRun / sumTruth - 100,
        100 * sumRep / sumTruth - 100,
        100 * sumModel / sumTruth - 100);
    String[] kindNames = {"linked by the mutual-best rule", "other merged", "left apart"};
    for (int k = 0; k < 3; k++) {
      if (kinds[k][0] > 0) {
        System.out.printf(
            Locale.ROOT,
            "%s: %d contested pairs, mean model probability %.3f, mean draw probability %.3f,"
                + " true matches %.3f%n",
            kindNames[k],
            (int) kinds[k][0],
            kinds[k][1] / kinds[k][0],
            kinds[k][2] / kinds[k][0],
            kinds[k][3] / kinds[k][0]);
      }
    }
    for (int b = 0; b < 10; b++) {
      if (pairs[b] > 0) {
        System.out.printf(
            Locale.ROOT,
            "probability %.1f-%.1f: %d contested pairs, mean probability %.3f, true matches %.3f%n",
            b / 10.0,
            (b + 1) / 10.0,
            pairs[b],
            probSum[b] / pairs[b],
            matches[b] / (double) pairs[b]);
      }
    }
  }

  private static int distinct(int[] label) {
    Set<Integer> s = new HashSet<>();
    for (int l : label) {
      s.add(l);
    }
    return s.size();
  }
}
