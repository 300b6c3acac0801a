package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.loglinear.ModelFit;
import org.sijill.estimate.loglinear.ProfileInterval;
import org.sijill.estimate.loglinear.StandardModel;

/**
 * The standard closed-population models (Otis et al. 1978, in Rcapture's design) as estimates, for
 * comparison beside the chosen ones; a model whose abundance is not finite is left out. Profiled
 * models get a profile interval, the Chao models a log-normal one from the standard error, as
 * Rcapture reports them.
 */
final class StandardModels {
  private StandardModels() {}

  static List<Estimate> of(CaptureTable table) {
    long n = table.documented();
    List<Estimate> out = new ArrayList<>();
    for (StandardModel m : StandardModel.forLists(table.listCount())) {
      ModelFit fit = m.fit(table);
      if (!Double.isFinite(fit.abundance())) {
        continue;
      }
      Double lower;
      Double upper;
      String interval;
      List<String> w = new ArrayList<>(fit.problems());
      if (m.profiled()) {
        ProfileInterval.Interval ci = ProfileInterval.of(fit, n);
        lower = ci.lower();
        upper = ci.upper().isPresent() ? ci.upper().getAsDouble() : null;
        if (upper == null) {
          w.add("the upper bound lies beyond " + Recommendation.format(ci.searchLimit()));
        }
        interval = LogLinearEstimate.PROFILE;
      } else {
        double[] ln = fit.logNormal(n);
        lower = ln[0];
        upper = ln[1];
        interval = "log-normal from the standard error (Chao 1987), 95%";
      }
      out.add(
          new Estimate(
              EstimationOptions.Method.LOGLINEAR,
              m.label,
              fit.abundance(),
              lower,
              upper,
              fit.aic(),
              fit.bic(),
              interval,
              "standard closed-population model (Otis et al. 1978; Rcapture's design)",
              Double.isFinite(fit.stderr()) ? Map.of("stderr", Rounding.round(fit.stderr())) : null,
              w));
    }
    return out;
  }
}
