package org.sijill.bench.linkage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Settings;

/**
 * {@code -Doracle}: a supervised ceiling for any classifier of the comparison vectors the model
 * sees (see {@link #run}).
 */
final class VectorOracle {
  private VectorOracle() {}

  /**
   * {@code -Doracle=SEED[,SEED...]}: how far pairwise decisions could go with the comparison
   * vectors this model sees. Links the lists of the named seeds, counts for every distinct vector
   * (the field levels, and the levels with the model's log-odds rounded to a whole number, which
   * carries the term-frequency factors) how often its candidate pairs are the same person, and
   * classifies the candidate pairs of the lists linked here by that labelled table (p ≥ 0.5; the
   * model's own probability where a vector was seen fewer than 5 times). Prints pairwise precision,
   * recall and F1 over all true pairs (those blocking never compared count as missed) for the model
   * and for the two tables: a supervised ceiling for any classifier of these vectors, before
   * clustering.
   */
  static void run(
      Linker linker, LinkResult r, List<String> truth, int records, Settings s, String seeds)
      throws Exception {
    Map<String, long[]> byLevels = new java.util.HashMap<>();
    Map<String, long[]> byLevelsAndOdds = new java.util.HashMap<>();
    for (String seedText : seeds.split(",")) {
      LinkageBench.Lists t = LinkageBench.lists(records, Long.parseLong(seedText.trim()), s);
      LinkResult tr = linker.link(t.sources(), List.of(), List.of(), m -> {});
      for (int k = 0; k < tr.pairCount(); k++) {
        int a = tr.left(k);
        int b = tr.right(k);
        int same = t.truth().get(a).equals(t.truth().get(b)) ? 1 : 0;
        String lv = java.util.Arrays.toString(tr.levels(a, b));
        byLevels.computeIfAbsent(lv, x -> new long[2])[0] += same;
        byLevels.get(lv)[1]++;
        String lo = lv + oddsBucket(tr.probability(k));
        byLevelsAndOdds.computeIfAbsent(lo, x -> new long[2])[0] += same;
        byLevelsAndOdds.get(lo)[1]++;
      }
    }
    long truePairs = 0;
    Map<String, Integer> perPerson = new java.util.HashMap<>();
    for (String id : truth) {
      perPerson.merge(id, 1, Integer::sum);
    }
    for (int c : perPerson.values()) {
      truePairs += (long) c * (c - 1) / 2;
    }
    long[][] tally = new long[3][2]; // per classifier: predicted, correct
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      boolean same = truth.get(a).equals(truth.get(b));
      double p = r.probability(k);
      String lv = java.util.Arrays.toString(r.levels(a, b));
      double[] ps = {p, lookup(byLevels, lv, p), lookup(byLevelsAndOdds, lv + oddsBucket(p), p)};
      for (int c = 0; c < 3; c++) {
        if (ps[c] >= 0.5) {
          tally[c][0]++;
          tally[c][1] += same ? 1 : 0;
        }
      }
    }
    String[] names = {"model (EM)", "table of levels", "table of levels + log-odds"};
    for (int c = 0; c < 3; c++) {
      double prec = tally[c][0] == 0 ? 1 : (double) tally[c][1] / tally[c][0];
      double rec = (double) tally[c][1] / truePairs;
      System.out.printf(
          Locale.ROOT,
          "pairwise, trained on seed(s) %s: %-27s P=%.4f R=%.4f F1=%.4f%n",
          seeds,
          names[c],
          prec,
          rec,
          2 * prec * rec / (prec + rec));
    }
  }

  private static String oddsBucket(double p) {
    double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return "@" + Math.round(Math.log(q / (1 - q)));
  }

  private static double lookup(Map<String, long[]> table, String key, double fallback) {
    long[] c = table.get(key);
    return c == null || c[1] < 5 ? fallback : (double) c[0] / c[1];
  }
}
