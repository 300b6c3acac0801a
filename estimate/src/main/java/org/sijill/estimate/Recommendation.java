package org.sijill.estimate;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which estimate to put forward, and how loudly to say that the others disagree. The rule (also in
 * docs/estimation.md): LCMCR when its chains agree (R-hat at most 1.1), because it models
 * heterogeneous capture probabilities without choosing one log-linear model and covered best in our
 * simulation study; otherwise dga (it averages over models); otherwise the log-linear model with
 * the lowest BIC. An estimate whose MLE does not exist is never recommended.
 */
final class Recommendation {
  /** Totals further apart than this ratio are reported as a disagreement. */
  static final double DISAGREEMENT_RATIO = 1.25;

  private Recommendation() {}

  static Estimate choose(Estimate lcmcr, Estimate dga, Estimate bicBest, List<Estimate> plausible) {
    for (Estimate e : new Estimate[] {lcmcr, dga, bicBest}) {
      if (e != null && plausible.contains(e)) {
        return e;
      }
    }
    return plausible.isEmpty() ? null : plausible.get(0);
  }

  static Report.Spread spread(List<Estimate> plausible) {
    if (plausible.isEmpty()) {
      return null;
    }
    double lo = plausible.stream().mapToDouble(Estimate::total).min().orElseThrow();
    double hi = plausible.stream().mapToDouble(Estimate::total).max().orElseThrow();
    return new Report.Spread(lo, hi, plausible.size());
  }

  static List<String> disagreement(List<Estimate> plausible) {
    List<String> out = new ArrayList<>();
    if (plausible.size() < 2) {
      return out;
    }
    Estimate lo = plausible.stream().min(Comparator.comparingDouble(Estimate::total)).orElseThrow();
    Estimate hi = plausible.stream().max(Comparator.comparingDouble(Estimate::total)).orElseThrow();
    if (hi.total() > DISAGREEMENT_RATIO * lo.total()) {
      out.add(
          "models disagree: "
              + describe(hi)
              + " "
              + format(hi.total())
              + " vs "
              + describe(lo)
              + " "
              + format(lo.total())
              + "; model choice matters more here than sampling error");
    }
    return out;
  }

  private static String describe(Estimate e) {
    if (!e.method().equals("loglinear")) {
      return e.method().toUpperCase(Locale.ROOT) + " (" + e.model() + ")";
    }
    String sel = e.selection() == null ? "" : e.selection();
    String which =
        sel.startsWith("lowest BIC")
            ? "BIC-best"
            : sel.startsWith("lowest AIC")
                ? "AIC-best"
                : sel.startsWith("SparseMSE") ? "SparseMSE stepwise" : "model";
    return "log-linear " + which + " (" + e.model() + ")";
  }

  /** Whether a warning means the number must not be used. */
  static boolean fatal(String warning) {
    return warning.contains("does not exist")
        || warning.contains("not identifiable")
        || warning.contains("did not converge");
  }

  static String format(double x) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(x);
  }
}
