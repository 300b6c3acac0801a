package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.estimate.Estimate;

/** What a combined estimate says about its replicates: their warnings, widths and the details. */
final class ReplicateDetails {
  private ReplicateDetails() {}

  /**
   * The replicates' own warnings on an estimate, each once, with how many replicates gave it (a
   * warning the combined estimate restates itself is left out): the combined report says no less
   * than the replicates did.
   */
  static List<String> warnings(List<Estimate> reps, String restated) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Estimate e : reps) {
      if (e != null && e.warnings() != null) {
        for (String w : e.warnings()) {
          if (restated == null || !w.startsWith(restated)) {
            seen.merge(w, 1, Integer::sum);
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    seen.forEach(
        (w, k) ->
            out.add(k == reps.size() ? w : "in " + k + " of " + reps.size() + " replicates: " + w));
    return out;
  }

  /** The mean width of the replicates' own intervals, NaN when one has none. */
  static double width(List<Estimate> reps) {
    double sum = 0;
    for (Estimate e : reps) {
      if (e == null || e.lower() == null || e.upper() == null) {
        return Double.NaN;
      }
      sum += e.upper() - e.lower();
    }
    return sum / reps.size();
  }

  /**
   * The details every combined estimate carries: the plain estimate, how much wider the combined
   * interval is, and the share of its width the disagreement between replicates adds.
   */
  static Map<String, Object> of(
      Estimate plain, double lower, double upper, double replicateWidth, int m) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("linkageReplicates", m);
    d.put("plainTotal", Rounding.round(plain.total()));
    double width = upper - lower;
    if (plain.lower() != null && plain.upper() != null) {
      d.put("plainLower", Rounding.round(plain.lower()));
      d.put("plainUpper", Rounding.round(plain.upper()));
      double plainWidth = plain.upper() - plain.lower();
      if (plainWidth > 0 && width > 0) {
        d.put("widthGrowth", Rounding.round(width / plainWidth - 1));
      }
    }
    if (Double.isFinite(replicateWidth) && width > 0) {
      d.put("replicateWidth", Rounding.round(replicateWidth));
      d.put("linkageShareOfWidth", Rounding.round(Math.max(0, 1 - replicateWidth / width)));
    }
    return d;
  }
}
