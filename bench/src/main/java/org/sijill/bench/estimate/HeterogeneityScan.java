package org.sijill.bench.estimate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.loglinear.HeterogeneityTest;

/**
 * {@code heterogeneity REPLICATES SEED}: the capture-heterogeneity test alone (no LCMCR, so
 * thousands of tables in seconds) on every scenario of the simulation study: how often it fires,
 * and how often the highest upper bound of the heterogeneity models (Mth Poisson2, Darroch,
 * Gamma3.5) lies below the truth.
 */
final class HeterogeneityScan {
  private HeterogeneityScan() {}

  static void run(int replicates, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    System.out.println(
        "| scenario | N | test shows heterogeneity | highest Mth upper bound below N (when shown) |"
            + " no upper bound (when shown) | median highest upper / N (when shown) | replicates |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<Populations> all = Populations.scenarios();
    for (Populations pop : all) {
      SplittableRandom rng = root.split();
      int shown = 0;
      int below = 0;
      int unbounded = 0;
      double[] uppers = new double[replicates];
      int u = 0;
      for (int r = 0; r < replicates; r++) {
        CaptureTable t = pop.draw(rng);
        HeterogeneityTest h = HeterogeneityTest.of(t);
        if (h == null || !h.shown()) {
          continue;
        }
        shown++;
        if (h.highestUpper() == null) {
          unbounded++;
        } else {
          uppers[u++] = h.highestUpper() / pop.size();
          if (h.highestUpper() < pop.size()) {
            below++;
          }
        }
      }
      java.util.Arrays.sort(uppers, 0, u);
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %.1f%% | %s | %d | %s | %d |%n",
          pop.name(),
          pop.size(),
          100.0 * shown / replicates,
          shown == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * below / shown),
          unbounded,
          u == 0 ? "-" : String.format(Locale.ROOT, "%.2f", uppers[u / 2]),
          replicates);
    }
  }
}
