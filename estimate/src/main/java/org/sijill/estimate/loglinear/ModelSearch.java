package org.sijill.estimate.loglinear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.sijill.estimate.CaptureTable;

/**
 * Search over hierarchical log-linear models with all main effects: every model with interactions
 * up to order {@code t - 1} for {@code t <= 5} (8, 113 and 6,893 models for 3, 4 and 5 lists, as
 * Rcapture's {@code closedpMS.t}), and a stepwise search (forward additions and backward removals
 * of hierarchical terms, by BIC) beyond.
 */
public final class ModelSearch {
  /** Largest number of lists searched exhaustively. */
  static final int EXHAUSTIVE_MAX_LISTS = 5;

  private ModelSearch() {}

  /** All fits of a search, with the best clean fits by BIC and by AIC. */
  public record Result(List<ModelFit> fits, int modelsFitted, boolean exhaustive) {
    Optional<ModelFit> best(ToDoubleFunction<ModelFit> criterion) {
      return fits.stream().filter(ModelFit::clean).min(Comparator.comparingDouble(criterion));
    }

    public Optional<ModelFit> bestBic() {
      return best(ModelFit::bic);
    }

    public Optional<ModelFit> bestAic() {
      return best(ModelFit::aic);
    }
  }

  public static Result search(CaptureTable table) {
    int t = table.listCount();
    if (t <= EXHAUSTIVE_MAX_LISTS) {
      List<HierarchicalModel> models = enumerate(t);
      List<ModelFit> fits = new ArrayList<>(models.size());
      for (HierarchicalModel m : models) {
        fits.add(fit(table, m));
      }
      return new Result(fits, fits.size(), true);
    }
    return stepwise(table);
  }

  static ModelFit fit(CaptureTable table, HierarchicalModel model) {
    return LogLinearFitter.fit(table, model.design(), -1, model.name(table.lists()));
  }

  /** Every hierarchical model with main effects and interactions of order 2 to t - 1. */
  static List<HierarchicalModel> enumerate(int t) {
    List<Integer> terms = new ArrayList<>();
    for (int m = 1; m < (1 << t) - 1; m++) {
      if (Integer.bitCount(m) >= 2) {
        terms.add(m);
      }
    }
    terms.sort(HierarchicalModel::byOrder);
    List<HierarchicalModel> out = new ArrayList<>();
    boolean[] in = new boolean[1 << t];
    for (int i = 0; i < t; i++) {
      in[1 << i] = true;
    }
    extend(t, terms, 0, in, out);
    return out;
  }

  private static void extend(
      int t, List<Integer> terms, int k, boolean[] in, List<HierarchicalModel> out) {
    if (k == terms.size()) {
      List<Integer> gens = new ArrayList<>();
      for (int term : terms) {
        if (in[term]) {
          gens.add(term);
        }
      }
      out.add(new HierarchicalModel(t, gens.stream().mapToInt(Integer::intValue).toArray()));
      return;
    }
    int term = terms.get(k);
    extend(t, terms, k + 1, in, out);
    if (allSubtermsIn(term, in)) {
      in[term] = true;
      extend(t, terms, k + 1, in, out);
      in[term] = false;
    }
  }

  private static boolean allSubtermsIn(int term, boolean[] in) {
    for (int b = term; b != 0; b &= b - 1) {
      int sub = term & ~Integer.lowestOneBit(b);
      if (!in[sub]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Forward-backward stepwise search by BIC from independence. Terms up to order 3 for 6 to 8
   * lists, pairwise beyond (the number of cells grows as 2^t).
   */
  static Result stepwise(CaptureTable table) {
    int t = table.listCount();
    int maxOrder = t <= 8 ? 3 : 2;
    List<ModelFit> fits = new ArrayList<>();
    boolean[] in = new boolean[1 << t];
    for (int i = 0; i < t; i++) {
      in[1 << i] = true;
    }
    HierarchicalModel current = HierarchicalModel.independence(t);
    ModelFit currentFit = fit(table, current);
    fits.add(currentFit);
    boolean improved = true;
    while (improved) {
      improved = false;
      ModelFit bestFit = null;
      int bestTerm = 0;
      boolean bestAdd = true;
      for (int term = 1; term < (1 << t) - 1; term++) {
        int order = Integer.bitCount(term);
        if (order < 2 || order > maxOrder) {
          continue;
        }
        boolean add = !in[term];
        if (add && !allSubtermsIn(term, in)) {
          continue;
        }
        if (!add && !isMaximal(term, in, t)) {
          continue;
        }
        in[term] = add;
        ModelFit f = fit(table, fromTerms(t, in));
        in[term] = !add;
        fits.add(f);
        if (f.clean()
            && f.bic() < currentFit.bic()
            && (bestFit == null || f.bic() < bestFit.bic())) {
          bestFit = f;
          bestTerm = term;
          bestAdd = add;
        }
      }
      if (bestFit != null) {
        in[bestTerm] = bestAdd;
        currentFit = bestFit;
        improved = true;
      }
    }
    return new Result(fits, fits.size(), false);
  }

  private static boolean isMaximal(int term, boolean[] in, int t) {
    for (int other = 1; other < (1 << t); other++) {
      if (other != term && in[other] && (other & term) == term) {
        return false;
      }
    }
    return true;
  }

  private static HierarchicalModel fromTerms(int t, boolean[] in) {
    List<Integer> gens = new ArrayList<>();
    for (int m = 1; m < in.length; m++) {
      if (in[m] && Integer.bitCount(m) >= 2) {
        gens.add(m);
      }
    }
    return new HierarchicalModel(t, gens.stream().mapToInt(Integer::intValue).toArray());
  }
}
