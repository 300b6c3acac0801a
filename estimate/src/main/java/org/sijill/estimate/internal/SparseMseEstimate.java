package org.sijill.estimate.internal;

import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.loglinear.SparseMse;

/**
 * SparseMSE's stepwise model (Chan, Silverman and Vincent 2021) as an estimate with its Wald
 * interval: a log-linear model chosen by its own rule (two-list interactions added while p < 0.02),
 * reported beside the BIC and AIC choices because it is what many MSE analysts run.
 */
final class SparseMseEstimate {
  private SparseMseEstimate() {}

  static Estimate of(CaptureTable table) {
    SparseMse.Result s = SparseMse.stepwise(table);
    return new Estimate(
        EstimationOptions.Method.LOGLINEAR,
        s.model(),
        s.point(),
        s.lower(),
        s.upper(),
        null,
        null,
        LogLinearEstimate.WALD,
        "SparseMSE stepwise two-list interactions, p < 0.02 (Chan, Silverman and Vincent"
            + " 2021)",
        null,
        null);
  }
}
