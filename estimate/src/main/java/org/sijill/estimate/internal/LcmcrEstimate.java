package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.lcmcr.Lcmcr;

/**
 * An LCMCR run as an {@link Estimate}: the posterior median and 2.5%/97.5% quantiles, the run's
 * settings in its details (so the number can be reproduced), and a warning when the chains disagree
 * (R-hat above 1.1) or the effective sample size is under 400.
 */
final class LcmcrEstimate {
  private LcmcrEstimate() {}

  /** Whether the chains agree well enough for the estimate to be recommended. */
  static boolean converged(Lcmcr.Result r) {
    return r.rhat() <= 1.1;
  }

  static Estimate of(Lcmcr.Result r, Lcmcr.Config cfg) {
    List<String> w = new ArrayList<>();
    if (!converged(r)) {
      w.add(
          String.format(
              Locale.ROOT,
              "chains disagree (R-hat %.2f > 1.1): run longer before trusting this",
              r.rhat()));
    }
    if (r.ess() < 400) {
      w.add(
          String.format(
              Locale.ROOT,
              "effective sample size %.0f is small: quantiles are imprecise",
              r.ess()));
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("rhat", Rounding.round(r.rhat()));
    d.put("ess", Math.round(r.ess()));
    d.put("mean", Rounding.round(r.mean()));
    d.put("chains", cfg.chains());
    d.put("burnIn", cfg.burnIn());
    d.put("samples", cfg.samples());
    d.put("thin", cfg.thin());
    d.put("seed", cfg.seed());
    return new Estimate(
        EstimationOptions.Method.LCMCR,
        "K=" + cfg.k(),
        r.median(),
        r.lower(),
        r.upper(),
        null,
        null,
        TableEstimation.POSTERIOR,
        "Manrique-Vallier (2016), a_alpha = b_alpha = 0.25, prior on N proportional to 1/N",
        d,
        w);
  }

  /** Every chain's kept draws of N in one array, for summing strata. */
  static double[] pooledDraws(Lcmcr.Result r) {
    return Arrays.stream(r.draws()).flatMapToLong(Arrays::stream).asDoubleStream().toArray();
  }
}
