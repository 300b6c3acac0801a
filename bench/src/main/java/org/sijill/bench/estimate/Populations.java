package org.sijill.bench.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sijill.estimate.CaptureTable;

/**
 * Synthetic populations of known size for the simulation study: nobody real, only capture
 * histories. Each person belongs to a latent group that sets their capture probability on each list
 * (heterogeneity); lists can also depend on each other directly (a person on list 0 is more likely
 * to be on list 1, as when one organisation shares its records with another).
 */
record Populations(
    String name, int size, double[][] groupProbs, double[] groupShares, double dependence) {

  static List<Populations> scenarios() {
    List<Populations> out = new ArrayList<>();
    out.add(
        new Populations(
            "independent lists, homogeneous",
            2000,
            new double[][] {{0.3, 0.25, 0.2, 0.35}},
            new double[] {1},
            0));
    out.add(
        new Populations(
            "moderate heterogeneity (two groups)",
            3000,
            new double[][] {{0.5, 0.45, 0.4, 0.55}, {0.2, 0.15, 0.25, 0.2}},
            new double[] {0.3, 0.7},
            0));
    out.add(
        new Populations(
            "list dependence (list 2 copies half of list 1)",
            3000,
            new double[][] {{0.25, 0.2, 0.3, 0.2}},
            new double[] {1},
            0.5));
    out.add(
        new Populations(
            "moderate heterogeneity and dependence",
            5000,
            new double[][] {{0.5, 0.45, 0.4, 0.55}, {0.2, 0.15, 0.25, 0.2}},
            new double[] {0.3, 0.7},
            0.3));
    out.add(
        new Populations(
            "hard: 60% nearly invisible (p 0.05-0.12)",
            3000,
            new double[][] {{0.45, 0.4, 0.35, 0.5}, {0.08, 0.1, 0.06, 0.12}},
            new double[] {0.4, 0.6},
            0));
    // Families added for issue 15's coverage goal: negative list dependence, 3 and 6 lists.
    out.add(
        new Populations(
            "negative dependence (list 2 avoids half of list 1)",
            3000,
            new double[][] {{0.3, 0.3, 0.25, 0.3}},
            new double[] {1},
            -0.5));
    out.add(
        new Populations(
            "3 lists, independent, homogeneous",
            2000,
            new double[][] {{0.35, 0.3, 0.4}},
            new double[] {1},
            0));
    out.add(
        new Populations(
            "6 lists, two groups",
            3000,
            new double[][] {{0.4, 0.35, 0.3, 0.45, 0.35, 0.4}, {0.15, 0.1, 0.2, 0.15, 0.1, 0.12}},
            new double[] {0.3, 0.7},
            0));
    return out;
  }

  /** One draw of the capture table of this population. */
  CaptureTable draw(SplittableRandom rng) {
    int t = groupProbs[0].length;
    long[] counts = new long[1 << t];
    for (int i = 0; i < size; i++) {
      double u = rng.nextDouble();
      int g = 0;
      while (g < groupShares.length - 1 && u > groupShares[g]) {
        u -= groupShares[g];
        g++;
      }
      int pattern = 0;
      for (int j = 0; j < t; j++) {
        double p = groupProbs[g][j];
        if (j == 1 && (pattern & 1) == 1) {
          // dependence > 0: list 1 picks up list 0's records; < 0: list 1 avoids them
          p = dependence >= 0 ? p + dependence * (1 - p) : p * (1 + dependence);
        }
        if (rng.nextDouble() < p) {
          pattern |= 1 << j;
        }
      }
      counts[pattern]++;
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < t; j++) {
      names.add("L" + (j + 1));
    }
    return CaptureTable.of(names, counts);
  }
}
