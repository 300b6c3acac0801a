package org.sijill.estimate.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.Report;

/**
 * Which estimate to put forward, and how loudly to say that the others disagree. The rule (also in
 * docs/estimation.md): LCMCR when its chains agree (R-hat at most 1.1), because it models
 * heterogeneous capture probabilities without choosing one log-linear model and covered best in our
 * simulation study; otherwise dga (it averages over models); otherwise the log-linear model with
 * the lowest BIC. An estimate whose MLE does not exist is never recommended.
 */
public final class Recommendation {
  /** Totals further apart than this ratio are reported as a disagreement. */
  static final double DISAGREEMENT_RATIO = 1.25;

  private Recommendation() {}

  public static Estimate choose(
      Estimate lcmcr, Estimate dga, Estimate bicBest, List<Estimate> plausible) {
    for (Estimate e : new Estimate[] {lcmcr, dga, bicBest}) {
      if (e != null && plausible.contains(e)) {
        return e;
      }
    }
    return plausible.isEmpty() ? null : plausible.get(0);
  }

  public static Report.Spread spread(List<Estimate> plausible) {
    if (plausible.isEmpty()) {
      return null;
    }
    Estimate lo = plausible.stream().min(Comparator.comparingDouble(Estimate::total)).orElseThrow();
    Estimate hi = plausible.stream().max(Comparator.comparingDouble(Estimate::total)).orElseThrow();
    Double lower =
        plausible.stream()
            .map(Estimate::lower)
            .filter(java.util.Objects::nonNull)
            .min(Double::compare)
            .orElse(null);
    Double upper =
        plausible.stream()
            .map(Estimate::upper)
            .filter(java.util.Objects::nonNull)
            .max(Double::compare)
            .orElse(null);
    List<Report.Member> from = new ArrayList<>();
    for (Estimate e : plausible) {
      from.add(new Report.Member(e.method(), e.model(), e.total()));
    }
    String summary;
    if (plausible.size() == 1) {
      summary = "Only one credible estimate: " + describe(lo) + " " + format(lo.total()) + ".";
    } else {
      summary =
          "Across the "
              + plausible.size()
              + " credible estimates, totals range from "
              + format(lo.total())
              + " ("
              + describe(lo)
              + ") to "
              + format(hi.total())
              + " ("
              + describe(hi)
              + ")"
              + (lower != null && upper != null
                  ? "; their 95% intervals together run from "
                      + format(lower)
                      + " to "
                      + format(upper)
                  : "")
              + ".";
    }
    return new Report.Spread(
        lo.total(),
        hi.total(),
        plausible.size(),
        lower,
        upper,
        lo.label(),
        hi.label(),
        List.copyOf(from),
        summary);
  }

  /**
   * One sentence on why {@code recommended} was chosen by the rule of {@link #choose}: what made
   * each earlier candidate unusable, and what the chosen method offers.
   */
  public static String reason(
      Estimate recommended,
      Estimate lcmcr,
      Estimate dga,
      Estimate bicBest,
      List<Estimate> plausible) {
    if (recommended == null) {
      return "No estimate is recommended: no method gave a usable number ("
          + whyNot("LCMCR", lcmcr)
          + "; "
          + whyNot("dga", dga)
          + "; "
          + whyNot("the lowest-BIC log-linear model", bicBest)
          + ").";
    }
    String position = position(recommended, plausible);
    if (recommended == lcmcr) {
      Object rhat = lcmcr.details() == null ? null : lcmcr.details().get("rhat");
      return "LCMCR is recommended because its chains agree"
          + (rhat == null ? "" : " (R-hat " + rhat + ", at most 1.1)")
          + " and it allows capture probabilities to differ between people and lists to depend"
          + " on each other without committing to one log-linear model; in the simulation study"
          + " (docs/estimation.md) it kept the coverage closest to 95% under heterogeneity."
          + position;
    }
    if (recommended == dga) {
      return "dga is recommended because "
          + whyNot("LCMCR", lcmcr)
          + "; dga averages over every decomposable log-linear model, weighted by how well each"
          + " fits, instead of choosing one."
          + position;
    }
    if (recommended == bicBest) {
      return "The lowest-BIC log-linear model is recommended because "
          + whyNot("LCMCR", lcmcr)
          + " and "
          + whyNot("dga", dga)
          + "; its interval is conditional on this one model being right."
          + position;
    }
    String sel = recommended.selection() == null ? "" : recommended.selection();
    return describe(recommended)
        + " is recommended because "
        + (sel.startsWith("given by --model")
            ? "it is the model asked for with --model"
            : "it is the first usable estimate; "
                + whyNot("LCMCR", lcmcr)
                + ", "
                + whyNot("dga", dga)
                + ", "
                + whyNot("the lowest-BIC log-linear model", bicBest))
        + "."
        + position;
  }

  private static String whyNot(String name, Estimate e) {
    if (e == null) {
      return name + " was not run or could not be fitted";
    }
    List<String> w = e.warnings() == null ? List.of() : e.warnings();
    List<String> fatal = w.stream().filter(Recommendation::fatal).toList();
    if (!fatal.isEmpty()) {
      return name + " is not usable (" + String.join("; ", fatal) + ")";
    }
    Object rhat = e.details() == null ? null : e.details().get("rhat");
    if (rhat instanceof Number r && r.doubleValue() > 1.1) {
      return name + "'s chains disagree (R-hat " + rhat + " > 1.1)";
    }
    return name + " is not usable";
  }

  private static String position(Estimate recommended, List<Estimate> plausible) {
    if (plausible.size() < 2) {
      return "";
    }
    long below = plausible.stream().filter(e -> e.total() < recommended.total()).count();
    long above = plausible.stream().filter(e -> e.total() > recommended.total()).count();
    return " Of the other credible estimates, "
        + below
        + " "
        + (below == 1 ? "is" : "are")
        + " lower and "
        + above
        + " higher (see spread).";
  }

  public static List<String> disagreement(List<Estimate> plausible) {
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

  public static String describe(Estimate e) {
    if (e.method() != EstimationOptions.Method.LOGLINEAR) {
      return e.method().name() + " (" + e.model() + ")";
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
  public static boolean fatal(String warning) {
    return warning.contains("does not exist")
        || warning.contains("not identifiable")
        || warning.contains("did not converge");
  }

  public static String format(double x) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(x);
  }
}
