package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.loglinear.MleExistence;
import org.sijill.estimate.loglinear.ModelFit;
import org.sijill.estimate.loglinear.ProfileInterval;

/**
 * A fitted log-linear model as an {@link Estimate}: the profile-likelihood interval when the
 * maximum-likelihood estimate exists, the Wald interval on log(n0) when the profile gives no bound,
 * and a warning for each way the fit falls short (no finite MLE, terms fitted as zero, not
 * identifiable, an upper bound beyond the search), so a reader never takes a number the model
 * cannot give for an estimate.
 */
final class LogLinearEstimate {
  static final String PROFILE = "profile likelihood (Cormack 1992), 95%";
  static final String WALD = "Wald on log(n0), 95%";

  private LogLinearEstimate() {}

  static Estimate of(ModelFit fit, long n, String selection) {
    List<String> w = new ArrayList<>(fit.problems());
    MleExistence.Check check = MleExistence.check(fit.design(), fit.y());
    if (!check.nFinite()) {
      w.add(
          "the maximum-likelihood estimate does not exist for this model and table (zero cells"
              + " leave the unobserved count unbounded): the number is not an estimate");
    } else if (!check.exists()) {
      w.add(
          "some interaction terms have no finite estimate ("
              + check.zeroFitted().size()
              + " cell(s) with no one in them are fitted as exactly zero); N is the extended"
              + " maximum-likelihood estimate, which is finite, as Rcapture reports it");
    }
    if (!check.identifiable()) {
      w.add("the model is not identifiable from these data");
    }
    Double lower = null;
    Double upper = null;
    String interval = PROFILE;
    Map<String, Object> d = new LinkedHashMap<>();
    Rounding.putFinite(d, "stderr", fit.stderr());
    Rounding.putFinite(d, "deviance", fit.deviance());
    d.put("df", fit.df());
    if (check.ok()) {
      try {
        ProfileInterval.Interval ci = ProfileInterval.of(fit, n);
        lower = ci.lower();
        if (ci.upper().isPresent()) {
          upper = ci.upper().getAsDouble();
        } else {
          w.add(
              "the upper bound of the profile interval lies beyond "
                  + Recommendation.format(ci.searchLimit())
                  + " (3 times the estimate)");
        }
        Rounding.putFinite(d, "multinomialMle", ci.point());
      } catch (RuntimeException e) {
        w.add("the profile interval could not be computed: " + e.getMessage());
      }
    }
    double[] wald = fit.waldLogN0(n);
    Rounding.putFinite(d, "waldLower", wald[0]);
    Rounding.putFinite(d, "waldUpper", wald[1]);
    if (lower == null && upper == null && Double.isFinite(wald[0]) && Double.isFinite(wald[1])) {
      interval = WALD;
      lower = wald[0];
      upper = wald[1];
    }
    return new Estimate(
        EstimationOptions.Method.LOGLINEAR,
        fit.name(),
        fit.abundance(),
        lower,
        upper,
        fit.aic(),
        fit.bic(),
        interval,
        selection,
        d,
        w);
  }
}
