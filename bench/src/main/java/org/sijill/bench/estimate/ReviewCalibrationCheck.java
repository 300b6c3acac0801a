package org.sijill.bench.estimate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.sijill.estimate.LinkageReplicates;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/**
 * An experiment for issue 15's next step (not used by the product): a simulated reviewer decides
 * the first {@code decided} contested pairs of each run's review order (from the truth); the
 * undecided pairs' draw probabilities are recalibrated by a logistic fit of the decisions on their
 * log-odds, separately for pairs the run merged and pairs it left apart; and the replicates'
 * documented count is compared with the truth, with and without the recalibration.
 */
final class ReviewCalibrationCheck {
  private ReviewCalibrationCheck() {}

  static void run(int sims, long seed, int population, int replicates, int first, int decided) {
    double sumTruth = 0;
    double sumRun = 0;
    double sumPlain = 0;
    double sumCal = 0;
    // per kind (0 merged, 1 apart) over undecided pairs: count, draw p, calibrated p, true
    double[][] kinds = new double[2][4];
    for (int sim = first; sim < first + sims; sim++) {
      GeneratedLists g =
          VictimListGenerator.generate(LinkageErrorStudy.config(seed * 1000 + sim, population));
      List<String> truth = TestLists.truth(g);
      LinkageErrorStudy.Linked linked = LinkageErrorStudy.link(g);
      LinkResult r = linked.result();
      int[] cluster = linked.cluster();
      int[] list = LinkageErrorStudy.numbers(linked.list());
      List<Integer> order = r.reviewPairs();
      int d = Math.min(decided, order.size());
      // decisions per kind: log-odds and outcome
      List<List<double[]>> fit = List.of(new ArrayList<>(), new ArrayList<>());
      List<LinkageReplicates.Pair> plain = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        int k = order.get(i);
        boolean same = cluster[r.left(k)] == cluster[r.right(k)];
        boolean match = truth.get(r.left(k)).equals(truth.get(r.right(k)));
        double p = r.drawProbability(k);
        if (i < d) {
          fit.get(same ? 0 : 1).add(new double[] {logit(p), match ? 1 : 0});
          plain.add(new LinkageReplicates.Pair(r.left(k), r.right(k), match ? 1 : 0));
        } else {
          plain.add(new LinkageReplicates.Pair(r.left(k), r.right(k), p));
        }
      }
      double[][] coef = {logistic(fit.get(0)), logistic(fit.get(1))};
      List<LinkageReplicates.Pair> calibrated = new ArrayList<>(plain);
      for (int i = d; i < order.size(); i++) {
        int k = order.get(i);
        boolean same = cluster[r.left(k)] == cluster[r.right(k)];
        double[] c = coef[same ? 0 : 1];
        double q = 1 / (1 + Math.exp(-(c[0] + c[1] * logit(r.drawProbability(k)))));
        calibrated.set(i, new LinkageReplicates.Pair(r.left(k), r.right(k), q));
        double[] kind = kinds[same ? 0 : 1];
        kind[0]++;
        kind[1] += r.drawProbability(k);
        kind[2] += q;
        kind[3] += truth.get(r.left(k)).equals(truth.get(r.right(k))) ? 1 : 0;
      }
      long truthDocumented = new HashSet<>(truth).size();
      sumTruth += truthDocumented;
      sumRun += distinct(cluster);
      sumPlain += mean(LinkageReplicates.draw(cluster, list, plain, replicates, seed + sim));
      sumCal += mean(LinkageReplicates.draw(cluster, list, calibrated, replicates, seed + sim));
      System.out.printf(
          Locale.ROOT,
          "sim %d: %d contested, %d decided; fit merged a=%.2f b=%.2f (%d), apart a=%.2f b=%.2f"
              + " (%d)%n",
          sim,
          order.size(),
          d,
          coef[0][0],
          coef[0][1],
          fit.get(0).size(),
          coef[1][0],
          coef[1][1],
          fit.get(1).size());
    }
    System.out.printf(
        Locale.ROOT,
        "documented over %d simulations, first %d contested pairs decided: run %+.2f%%, replicates"
            + " %+.2f%% (undecided drawn as now), %+.2f%% (undecided recalibrated) of the truth%n",
        sims,
        decided,
        100 * sumRun / sumTruth - 100,
        100 * sumPlain / sumTruth - 100,
        100 * sumCal / sumTruth - 100);
    String[] kindNames = {"undecided, run merged", "undecided, run left apart"};
    for (int k = 0; k < 2; k++) {
      if (kinds[k][0] > 0) {
        System.out.printf(
            Locale.ROOT,
            "%s: %d pairs, mean draw probability %.3f, recalibrated %.3f, true matches %.3f%n",
            kindNames[k],
            (int) kinds[k][0],
            kinds[k][1] / kinds[k][0],
            kinds[k][2] / kinds[k][0],
            kinds[k][3] / kinds[k][0]);
      }
    }
  }

  /**
   * Logistic regression of the outcome on the log-odds, {a, b}, by Newton's method with a weak
   * ridge pulling toward the identity (a = 0, b = 1) so that few or one-sided decisions stay
   * finite; with {@code -DshiftOnly=true} the slope stays 1 and only the intercept is fitted.
   */
  static double[] logistic(List<double[]> xy) {
    double a = 0;
    double b = 1;
    double ridge = 1;
    // -DshiftOnly=true: only the intercept moves (b stays 1), a sturdier fit on few decisions
    double ridgeB = Boolean.getBoolean("shiftOnly") ? 1e12 : ridge;
    for (int it = 0; it < 50; it++) {
      double ga = -ridge * a;
      double gb = -ridgeB * (b - 1);
      double haa = ridge;
      double hab = 0;
      double hbb = ridgeB;
      for (double[] p : xy) {
        double mu = 1 / (1 + Math.exp(-(a + b * p[0])));
        double w = mu * (1 - mu);
        ga += p[1] - mu;
        gb += (p[1] - mu) * p[0];
        haa += w;
        hab += w * p[0];
        hbb += w * p[0] * p[0];
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a += da;
      b += db;
      if (Math.abs(da) + Math.abs(db) < 1e-9) {
        break;
      }
    }
    return new double[] {a, b};
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
    return Math.log(q / (1 - q));
  }

  private static double mean(List<int[]> labels) {
    double sum = 0;
    for (int[] l : labels) {
      sum += distinct(l);
    }
    return sum / labels.size();
  }

  private static int distinct(int[] label) {
    return (int) java.util.Arrays.stream(label).distinct().count();
  }
}
