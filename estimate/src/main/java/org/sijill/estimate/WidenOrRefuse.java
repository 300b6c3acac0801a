package org.sijill.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.estimate.internal.Recommendation;
import org.sijill.estimate.loglinear.HeterogeneityTest;

/**
 * The last step of every estimate (issue 15, docs/estimation.md "Widen or refuse"): the recommended
 * interval is kept as the method gave it only when the data and the other credible models back it.
 *
 * <ul>
 *   <li><b>Refuse</b> (no recommended estimate, the reason in words) when fewer than {@value
 *       #MIN_OVERLAP} documented people are on two or more lists (every model then extrapolates
 *       from a handful of overlaps), when the recommended interval has no upper bound, or when the
 *       credible estimates' intervals together span more than {@value #REFUSE_RATIO} times their
 *       lowest bound.
 *   <li><b>Widen</b> when another credible estimate's total lies outside the recommended 95%
 *       interval: the interval becomes the envelope of the credible estimates' intervals (the
 *       lowest lower and the highest upper bound), the total stays the recommended method's, and
 *       the method's own bounds stay in {@code details} ({@code ownLower}, {@code ownUpper}).
 * </ul>
 *
 * Nothing is ever narrowed. The top-level {@code details.verdict} says which branch was taken:
 * {@code kept}, {@code widened} or {@code refused}.
 */
final class WidenOrRefuse {
  /** Fewer documented people on two or more lists than this: refuse. */
  static final int MIN_OVERLAP = 20;

  /** Credible intervals together spanning more than this ratio (highest upper / lowest lower). */
  static final double REFUSE_RATIO = 3.0;

  private WidenOrRefuse() {}

  /** Applies the rule to {@code r}, its strata with their own tables, and the summed top level. */
  static Report apply(Report r, CaptureData data) {
    List<Report> strata = r.strata();
    if (strata != null) {
      List<Report> settled = new ArrayList<>();
      for (Report s : strata) {
        CaptureTable t = s.stratum() == null ? null : data.strata().get(s.stratum());
        settled.add(s.estimates().isEmpty() || t == null ? s : apply(s, t));
      }
      strata = List.copyOf(settled);
    }
    Report top = apply(r, data.total());
    return top.toBuilder().strata(strata).build();
  }

  /** Applies the rule to one report whose estimates come from {@code table}. */
  static Report apply(Report r, CaptureTable table) {
    Report out = agreement(r, table);
    return out.recommended() == null ? out : heterogeneity(out, table);
  }

  /**
   * The step for an estimate combined over linkage replicates drawn with the model's unchecked
   * probabilities ({@link LinkageUncertainty.Draw#UNCHECKED}): the recommended interval of the
   * total and of each stratum is widened, where it does not already, to take in the recommended
   * interval the run's own clustering gives ({@code run}, the same data estimated without
   * replicates). The total stays the combined one; the combined interval stays in {@code details}
   * ({@code combinedLower}, {@code combinedUpper}). A refused estimate stays refused, and nothing
   * is taken in from a run whose own estimate was refused or has no bounds. Nothing is narrowed.
   */
  static Report takeInTheRun(Report combined, Report run) {
    List<Report> strata = combined.strata();
    if (strata != null && run.strata() != null) {
      Map<String, Report> own = new LinkedHashMap<>();
      for (Report s : run.strata()) {
        if (s.stratum() != null) {
          own.put(s.stratum(), s);
        }
      }
      List<Report> settled = new ArrayList<>();
      for (Report s : strata) {
        Report o = s.stratum() == null ? null : own.get(s.stratum());
        settled.add(o == null ? s : takeInTheRunOne(s, o));
      }
      strata = List.copyOf(settled);
    }
    return takeInTheRunOne(combined, run).toBuilder().strata(strata).build();
  }

  private static Report takeInTheRunOne(Report combined, Report run) {
    Estimate rec = combined.recommended();
    Estimate own = run.recommended();
    if (rec == null
        || rec.lower() == null
        || rec.upper() == null
        || own == null
        || own.lower() == null
        || own.upper() == null) {
      return combined;
    }
    double lower = Math.min(rec.lower(), own.lower());
    double upper = Math.max(rec.upper(), own.upper());
    if (lower == rec.lower() && upper == rec.upper()) {
      return combined;
    }
    String reason =
        "the linkage replicates were drawn with the model's match probabilities, which no review"
            + " decision has checked, and such replicates tend to sit a little high (they split"
            + " pairs the run merged more often than the truth does); the interval the run's own"
            + " clustering gives, "
            + Recommendation.format(own.lower())
            + " to "
            + Recommendation.format(own.upper())
            + " ("
            + Recommendation.describe(own)
            + "), reaches "
            + (lower < rec.lower() ? "lower" : "higher");
    String because =
        combined.recommendedBecause()
            + " Its interval is widened to "
            + Recommendation.format(lower)
            + "–"
            + Recommendation.format(upper)
            + " because "
            + reason
            + ".";
    String warning =
        "widened: "
            + reason
            + ", so the recommended interval runs from "
            + Recommendation.format(lower)
            + " to "
            + Recommendation.format(upper)
            + ". Deciding the first contested pairs on the review desk and linking again checks"
            + " the probabilities";
    return widened(
        combined,
        rec,
        lower,
        upper,
        details -> {
          details.put("combinedLower", rec.lower());
          details.put("combinedUpper", rec.upper());
          details.put("runLower", own.lower());
          details.put("runUpper", own.upper());
          details.put("widenedToTheRunBecause", reason);
        },
        "widened to take in the run's own interval (unchecked linkage probabilities)",
        because,
        warning);
  }

  /**
   * {@code r} with its recommended estimate {@code rec} given the bounds {@code lower}–{@code
   * upper} (in {@code estimates} too): {@code rec}'s details edited by {@code details}, {@code
   * note} added to its interval's description, {@code because} as the reason and {@code warning}
   * added; verdict {@code widened}.
   */
  private static Report widened(
      Report r,
      Estimate rec,
      Double lower,
      Double upper,
      java.util.function.Consumer<Map<String, Object>> details,
      String note,
      String because,
      String warning) {
    Map<String, Object> d = new LinkedHashMap<>();
    if (rec.details() != null) {
      d.putAll(rec.details());
    }
    details.accept(d);
    Estimate widened =
        new Estimate(
            rec.method(),
            rec.model(),
            rec.total(),
            lower,
            upper,
            rec.aic(),
            rec.bic(),
            (rec.interval() == null ? "" : rec.interval() + "; ") + note,
            rec.selection(),
            d,
            rec.warnings());
    List<Estimate> estimates = new ArrayList<>();
    for (Estimate e : r.estimates()) {
      estimates.add(e == rec || e.equals(rec) ? widened : e);
    }
    Report out =
        r.toBuilder()
            .estimates(List.copyOf(estimates))
            .recommended(widened)
            .recommendedBecause(because)
            .build();
    return withVerdict(out, widened, because, List.of(warning), "widened");
  }

  /** Keep, widen to the envelope, or refuse: the models' agreement with each other. */
  private static Report agreement(Report r, CaptureTable table) {
    Estimate rec = r.recommended();
    if (rec == null) {
      return withVerdict(r, null, r.recommendedBecause(), List.of(), "refused");
    }
    List<Estimate> credible = credible(r, rec);
    long overlap = overlap(table);
    Double low = envelope(credible, true);
    Double high = envelope(credible, false);
    String refusal = null;
    if (overlap < MIN_OVERLAP) {
      refusal =
          "only "
              + overlap
              + " documented "
              + (overlap == 1 ? "person is" : "people are")
              + " on two or more lists (fewer than "
              + MIN_OVERLAP
              + "): every model extrapolates from too few overlaps";
    } else if (rec.upper() == null) {
      refusal = "the recommended 95% interval has no upper bound";
    } else if (low != null && high != null && high > REFUSE_RATIO * low) {
      refusal =
          "the credible estimates' 95% intervals together run from "
              + Recommendation.format(low)
              + " to "
              + Recommendation.format(high)
              + ", more than "
              + (int) REFUSE_RATIO
              + " times apart: model choice decides the number";
    }
    if (refusal != null) {
      return refused(r, rec, refusal);
    }
    List<Estimate> outside = new ArrayList<>();
    for (Estimate e : credible) {
      double ownLower = rec.lower() == null ? r.documented() : rec.lower();
      if (e != rec && (e.total() < ownLower || e.total() > rec.upper())) {
        outside.add(e);
      }
    }
    if (outside.isEmpty() || low == null || high == null) {
      return withVerdict(r, rec, r.recommendedBecause(), List.of(), "kept");
    }
    List<String> names = new ArrayList<>();
    for (Estimate e : outside) {
      names.add(Recommendation.describe(e) + " " + Recommendation.format(e.total()));
    }
    double lower = rec.lower() == null ? low : Math.min(low, rec.lower());
    double upper = Math.max(high, rec.upper());
    String reason =
        String.join(", ", names)
            + (outside.size() == 1 ? " lies" : " lie")
            + " outside "
            + Recommendation.describe(rec)
            + "'s own 95% interval"
            + bounds(rec.lower(), rec.upper());
    String because =
        r.recommendedBecause()
            + " Its interval is widened to "
            + Recommendation.format(lower)
            + "–"
            + Recommendation.format(upper)
            + ", the envelope of the credible estimates' intervals, because "
            + reason
            + ".";
    String warning =
        "widened: "
            + reason
            + ", so the recommended interval is the credible estimates' envelope, "
            + Recommendation.format(lower)
            + " to "
            + Recommendation.format(upper);
    return widened(
        r,
        rec,
        lower,
        upper,
        details -> {
          details.put("ownLower", rec.lower());
          details.put("ownUpper", rec.upper());
          details.put("widenedBecause", reason);
        },
        "widened to the envelope of the credible estimates' 95% intervals",
        because,
        warning);
  }

  /**
   * The report with no recommended number, because of {@code refusal}: the recommended method's
   * answer is named in the reason, the documented count stands as a floor.
   */
  private static Report refused(Report r, Estimate rec, String refusal) {
    String because =
        "No estimate is recommended: refused because "
            + refusal
            + ". "
            + Recommendation.describe(rec)
            + " gave "
            + Recommendation.format(rec.total())
            + bounds(rec.lower(), rec.upper())
            + "; the spread shows what every credible model says. Report the documented count"
            + " as a floor.";
    String warning =
        "refused: "
            + refusal
            + "; no number is recommended, report the documented count ("
            + Recommendation.format(r.documented())
            + ") as a floor and the spread as what the models say";
    return withVerdict(r, null, because, List.of(warning), "refused");
  }

  /**
   * The heterogeneity step: when the observed table shows that people differ in how easily the
   * lists catch them ({@link HeterogeneityTest#shown()}), every model here is known to undercount
   * (the people never documented are mostly the hard-to-document ones), and the table cannot say
   * how hard to document they are, so the recommended upper bound is raised to the highest upper
   * bound of Rcapture's heterogeneity models Mth Poisson2, Darroch and Gamma3.5 if that is higher;
   * if one of them has no upper bound, the estimate is refused. Nothing is lowered.
   */
  private static Report heterogeneity(Report r, CaptureTable table) {
    HeterogeneityTest h = HeterogeneityTest.of(table);
    if (h == null || !h.shown()) {
      return r;
    }
    Estimate rec = r.recommended();
    String shown =
        "the documented people differ in how easily the lists catch them (Darroch's"
            + " heterogeneity model Mth fits the table better than equal catchability Mt:"
            + " likelihood-ratio statistic "
            + String.format(java.util.Locale.ROOT, "%.1f", h.statistic())
            + ", p "
            + (h.pValue() < 0.001
                ? "< 0.001"
                : String.format(java.util.Locale.ROOT, "= %.3f", h.pValue()))
            + ")";
    if (h.highestUpper() == null) {
      String refusal =
          shown
              + ", and the heterogeneity model "
              + h.highestModel()
              + " has no 95% upper bound: the hardest to document may be any number";
      return refused(r, rec, refusal);
    }
    if (rec.upper() == null || h.highestUpper() <= rec.upper()) {
      return r; // already reaches as high as every heterogeneity model
    }
    double upper = h.highestUpper();
    Map<String, Object> het = new LinkedHashMap<>();
    het.put("test", "Mth Darroch against Mt, likelihood ratio, 1 df");
    het.put("statistic", h.statistic());
    het.put("pValue", h.pValue());
    het.put("model", h.highestModel());
    het.put("upper", h.highestUpper());
    String because =
        r.recommendedBecause()
            + " Its upper bound is raised from "
            + Recommendation.format(rec.upper())
            + " to "
            + Recommendation.format(upper)
            + " because "
            + shown
            + ": models that do not allow for that count too few, and the heterogeneity model "
            + h.highestModel()
            + " reaches "
            + Recommendation.format(upper)
            + ".";
    String warning =
        "capture heterogeneity: "
            + shown
            + "; the people never documented are likely to be mostly the hard-to-document ones,"
            + " whom every model here tends to undercount, so the recommended upper bound is raised"
            + " to the highest of the heterogeneity models' ("
            + h.highestModel()
            + "), "
            + Recommendation.format(upper)
            + ". If most people are almost invisible to every list, even this may be too low";
    return widened(
        r,
        rec,
        rec.lower(),
        upper,
        details -> {
          details.putIfAbsent("ownLower", rec.lower());
          details.putIfAbsent("ownUpper", rec.upper());
          details.put("heterogeneity", het);
        },
        "upper bound raised to the highest heterogeneity model's ("
            + h.highestModel()
            + "; capture heterogeneity)",
        because,
        warning);
  }

  /** The credible estimates: those the spread is taken over (always including the recommended). */
  private static List<Estimate> credible(Report r, Estimate rec) {
    List<Estimate> out = new ArrayList<>();
    Report.Spread s = r.spread();
    if (s == null || s.from() == null) {
      out.add(rec);
      return out;
    }
    for (Estimate e : r.estimates()) {
      boolean member = false;
      for (Report.Member m : s.from()) {
        if (m.method().equals(e.method())
            && m.model().equals(e.model())
            && m.total() == e.total()) {
          member = true;
          break;
        }
      }
      if (member || e == rec) {
        out.add(e);
      }
    }
    return out;
  }

  private static Double envelope(List<Estimate> credible, boolean lower) {
    Double out = null;
    for (Estimate e : credible) {
      Double b = lower ? e.lower() : e.upper();
      if (b == null) {
        if (!lower) {
          return null; // an unbounded credible interval: no finite envelope
        }
        continue;
      }
      out = out == null ? b : lower ? Math.min(out, b) : Math.max(out, b);
    }
    return out;
  }

  /** Documented people on two or more lists. */
  static long overlap(CaptureTable t) {
    long n = 0;
    for (int p = 0; p < 1 << t.listCount(); p++) {
      if (Integer.bitCount(p) >= 2) {
        n += t.count(p);
      }
    }
    return n;
  }

  private static Report withVerdict(
      Report r, Estimate rec, String because, List<String> extra, String verdict) {
    List<String> warnings = new ArrayList<>(r.warnings() == null ? List.of() : r.warnings());
    if (rec == null && r.recommended() != null) {
      warnings.removeIf(w -> w.startsWith("no method gave a usable estimate"));
    }
    warnings.addAll(extra);
    Map<String, Object> details = new LinkedHashMap<>();
    if (r.details() != null) {
      details.putAll(r.details());
    }
    details.put("verdict", verdict);
    return r.toBuilder()
        .recommended(rec)
        .recommendedBecause(because)
        .warnings(List.copyOf(warnings))
        .details(java.util.Collections.unmodifiableMap(details))
        .build();
  }

  private static String bounds(Double lower, Double upper) {
    if (lower == null && upper == null) {
      return "";
    }
    return " ["
        + (lower == null ? "?" : Recommendation.format(lower))
        + ", "
        + (upper == null ? "?" : Recommendation.format(upper))
        + "]";
  }
}
