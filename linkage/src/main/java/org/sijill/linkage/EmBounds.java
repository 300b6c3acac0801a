package org.sijill.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.model.Patterns;

/**
 * How EM without labels is held in bounds and where its relatives class starts. The bounds and
 * their reasons live here; the model itself knows nothing of names or households.
 */
final class EmBounds {
  /**
   * Bound on m for the "relatives" name level (a given name known to differ, father and son, given
   * names out of order): near zero, so that what a household shares besides the name — the day, the
   * town, the mother — cannot outvote it. With the earlier 1% EM reached the bound whenever the
   * date was informative: on lists spread over years (the countrywide synthetic scenario) brothers
   * killed together were merged, F1 0.937 against 0.968 with this bound; on the one-week example
   * unchanged.
   */
  static final double RELATIVES_MAX_M = 1e-4;

  /**
   * Bound on m for "two or more tokens agree" and the rest differ: the father's and family name of
   * siblings. 1% (was 5%, which EM reached on the countrywide lists): countrywide F1 +0.003 to
   * +0.008, example +0.0001 to +0.003 (tuning seeds 1-3).
   */
  static final double TWO_TOKENS_MAX_M = 0.01;

  /** Fewest candidate pairs read as relatives by the first name field for a relatives class. */
  static final int MIN_RELATIVE_PAIRS = 20;

  private EmBounds() {}

  /**
   * EM without labels is held in bounds, each for a reason learned on the synthetic lists: λ starts
   * at about one match per record, m of the weak name levels is capped, and the relatives class may
   * not take more than half as many pairs as there are records ({@code households}: the relatives
   * class is fitted).
   */
  static FellegiSunter.Config bounded(
      int records,
      List<FieldComparator> comps,
      double fitted,
      boolean households,
      IntConsumer onIteration) {
    double startLambda = Math.min(0.1, Math.max(1e-9, records / Math.max(1, fitted)));
    // A record has at most a few true duplicates, so at most ~3 matching pairs per record:
    // without this bound EM can take "shares a given name, hence a sex" for the match class.
    double maxLambda = Math.min(0.5, 3.0 * records / Math.max(1, fitted));
    double[][] maxM = new double[comps.size()][];
    for (int f = 0; f < comps.size(); f++) {
      if (comps.get(f) instanceof NameComparator) {
        // levels 0-3: relatives 0.01%, different 5%, only two tokens agree 1%, similar 20%
        maxM[f] = new double[] {RELATIVES_MAX_M, 0.05, TWO_TOKENS_MAX_M, 0.2, 1, 1, 1};
      }
    }
    // Relative pairs are about half as many as records (a household of 1.8 on average, each
    // person on 1.24 records): without this bound the class takes every pair whose names read
    // as relatives, namesakes included (at 2x records, F1 at 300k fell 0.777 -> 0.760).
    double maxLambdaH =
        households
            ? Math.min(0.5, 0.5 * records / Math.max(1, fitted))
            : FellegiSunter.Config.FREE.maxLambdaH();
    return new FellegiSunter.Config(startLambda, maxLambda, maxM, maxLambdaH, onIteration);
  }

  /** The number of levels of each field. */
  static int[] levels(List<FieldComparator> comps) {
    int[] l = new int[comps.size()];
    for (int f = 0; f < l.length; f++) {
      l[f] = comps.get(f).levels();
    }
    return l;
  }

  /**
   * Starts the relatives class of the model from the pairs whose first name field (the person's own
   * name) reads as relatives: its level probabilities in the other fields are those pairs' (what a
   * household shares and what it does not), in the name field the relatives level. Leaves the model
   * with two classes when there are too few such pairs (FEBRL-like data with no households, or no
   * name field).
   */
  static void startHouseholds(
      FellegiSunter model, List<FieldComparator> comps, Map<Long, double[]> counts) {
    int name = -1;
    for (int f = 0; f < comps.size() && name < 0; f++) {
      if (comps.get(f) instanceof NameComparator) {
        name = f;
      }
    }
    if (name < 0) {
      return;
    }
    double[][] start = new double[comps.size()][];
    for (int f = 0; f < start.length; f++) {
      start[f] = new double[comps.get(f).levels()];
      Arrays.fill(start[f], 0.5);
    }
    double relatives = 0;
    double all = 0;
    for (Map.Entry<Long, double[]> e : counts.entrySet()) {
      long p = e.getKey();
      double c = e.getValue()[0];
      all += c;
      if (Patterns.level(p, name) != 0) {
        continue;
      }
      relatives += c;
      for (int f = 0; f < start.length; f++) {
        int l = Patterns.level(p, f);
        if (l >= 0) {
          start[f][l] += c;
        }
      }
    }
    if (relatives < MIN_RELATIVE_PAIRS) {
      return;
    }
    for (double[] row : start) {
      double sum = 0;
      for (double v : row) {
        sum += v;
      }
      for (int k = 0; k < row.length; k++) {
        row[k] /= sum;
      }
    }
    model.enableHouseholds(start, Math.max(1e-9, Math.min(0.1, relatives / all)));
  }
}
