package org.sijill.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.sijill.estimate.CaptureTable;

/**
 * The stepwise method of Chan, Silverman and Vincent (2021), as SparseMSE's {@code
 * estimatepopulation.0}: start from main effects, add the two-list interaction with the smallest
 * one-sided Poisson p-value of its overlap count while that p-value is below 0.02, skipping any
 * addition whose MLE would not exist or not be identifiable. A pair of lists with no one in common
 * keeps its term out of the design and drops the cells holding both lists. The interval is the Wald
 * interval on log(n0), conditional on the selected model.
 */
public final class SparseMse {
  static final double P_THRESHOLD = 0.02;

  private SparseMse() {}

  public record Result(String model, double point, double lower, double upper, List<int[]> pairs) {}

  public static Result stepwise(CaptureTable table) {
    return fit(table, select(table));
  }

  static Result mainEffects(CaptureTable table) {
    return fit(table, List.of());
  }

  static List<int[]> select(CaptureTable table) {
    int t = table.listCount();
    List<int[]> candidates = new ArrayList<>();
    for (int i = 0; i < t - 1; i++) {
      for (int j = i + 1; j < t; j++) {
        candidates.add(new int[] {i, j});
      }
    }
    List<int[]> chosen = new ArrayList<>();
    boolean[] included = new boolean[candidates.size()];
    Built current = build(table, chosen);
    PoissonGlm.Fit fit = PoissonGlm.fit(current.y, current.x);
    for (int cycle = 0; cycle < candidates.size(); cycle++) {
      double best = 1;
      int bestIdx = -1;
      for (int c = 0; c < candidates.size(); c++) {
        if (included[c]) {
          continue;
        }
        int[] pr = candidates.get(c);
        long observed = table.onBoth(pr[0], pr[1]);
        double expected = 0;
        for (int r = 0; r < current.patterns.length; r++) {
          int pt = current.patterns[r];
          if ((pt >> pr[0] & 1) == 1 && (pt >> pr[1] & 1) == 1) {
            expected += fit.mu()[r];
          }
        }
        double pval = pValue(observed, expected);
        List<int[]> trial = new ArrayList<>(chosen);
        trial.add(pr);
        Built b = build(table, trial);
        if (!MleExistence.check(b.x, b.y).strict()) {
          pval = 1;
        }
        if (pval < best) {
          best = pval;
          bestIdx = c;
        }
      }
      if (bestIdx < 0 || best >= P_THRESHOLD) {
        break;
      }
      chosen.add(candidates.get(bestIdx));
      included[bestIdx] = true;
      current = build(table, chosen);
      fit = PoissonGlm.fit(current.y, current.x);
    }
    return chosen;
  }

  private static double pValue(long observed, double expected) {
    if (expected <= 0) {
      return observed == 0 ? 1 : 0;
    }
    PoissonDistribution pd = new PoissonDistribution(null, expected, 1e-12, 10_000_000);
    double lower = pd.cumulativeProbability((int) observed);
    double upper = observed == 0 ? 1 : 1 - pd.cumulativeProbability((int) observed - 1);
    return Math.min(lower, upper);
  }

  static Result fit(CaptureTable table, List<int[]> pairs) {
    Built b = build(table, pairs);
    PoissonGlm.Fit glm = PoissonGlm.fit(b.y, b.x);
    long n = table.documented();
    double b0 = glm.intercept();
    double se = Math.sqrt(glm.varIntercept());
    double z = 1.959963984540054;
    List<String> names = table.lists();
    List<String> terms = new ArrayList<>(names);
    for (int[] pr : pairs) {
      terms.add(names.get(pr[0]) + "*" + names.get(pr[1]));
    }
    return new Result(
        String.join("+", terms),
        n + Math.exp(b0),
        n + Math.exp(b0 - z * se),
        n + Math.exp(b0 + z * se),
        List.copyOf(pairs));
  }

  /** Design and counts after dropping cells that hold a non-overlapping pair in the model. */
  private record Built(double[][] x, double[] y, int[] patterns) {}

  private static Built build(CaptureTable table, List<int[]> pairs) {
    int t = table.listCount();
    List<int[]> effective = new ArrayList<>();
    List<Integer> forbiddenMasks = new ArrayList<>();
    for (int[] pr : pairs) {
      if (table.onBoth(pr[0], pr[1]) == 0) {
        forbiddenMasks.add((1 << pr[0]) | (1 << pr[1]));
      } else {
        effective.add(pr);
      }
    }
    List<Integer> rows = new ArrayList<>();
    for (int p = 1; p < 1 << t; p++) {
      boolean drop = false;
      for (int m : forbiddenMasks) {
        if ((p & m) == m) {
          drop = true;
          break;
        }
      }
      if (!drop) {
        rows.add(p);
      }
    }
    double[][] x = new double[rows.size()][1 + t + effective.size()];
    double[] y = new double[rows.size()];
    int[] patterns = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      int p = rows.get(r);
      patterns[r] = p;
      y[r] = table.count(p);
      x[r][0] = 1;
      for (int i = 0; i < t; i++) {
        x[r][1 + i] = (p >> i) & 1;
      }
      for (int k = 0; k < effective.size(); k++) {
        int[] pr = effective.get(k);
        x[r][1 + t + k] = ((p >> pr[0]) & 1) * ((p >> pr[1]) & 1);
      }
    }
    return new Built(x, y, patterns);
  }
}
