package org.sijill.estimate.loglinear;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.sijill.estimate.CaptureTable;

/**
 * Whether the documented people differ in how easily the lists catch them (capture heterogeneity),
 * read from the observed table alone: Darroch's model Mth (one effect per list plus a term in the
 * square of the number of lists a person is on, Darroch et al. 1993) against Mt (the same lists,
 * everyone equally catchable). Mt is Mth with that term at zero, so twice the log-likelihood gain
 * is a likelihood-ratio statistic with one degree of freedom. Only a positive term counts: more
 * people on many lists and on one list than equal catchability predicts, which is what a mix of
 * easy- and hard-to-document people produces; a negative term (people spread more evenly than
 * chance, as when lists avoid each other) is not heterogeneity.
 *
 * @param statistic deviance of Mt minus deviance of Mth Darroch
 * @param pValue its chi-squared (1 df) upper tail
 * @param coefficient the fitted heterogeneity term (positive: heterogeneity)
 * @param total Mth Darroch's estimate of the total
 * @param lower its 95% profile-likelihood lower bound
 * @param upper its upper bound; null when the profile does not fall below the cut-off within the
 *     search limit
 * @param highestUpper when heterogeneity is {@link #shown()}: the highest 95% upper bound among
 *     Rcapture's three Mth heterogeneity models (Poisson2, Darroch, Gamma3.5), null when one of
 *     them has none; otherwise null
 * @param highestModel the model whose upper bound that is (or that has none)
 */
public record HeterogeneityTest(
    double statistic,
    double pValue,
    double coefficient,
    double total,
    double lower,
    Double upper,
    Double highestUpper,
    String highestModel) {

  /** The heterogeneity models whose intervals bound the total from above when it is shown. */
  public static final List<StandardModel> MODELS =
      List.of(StandardModel.MTH_POISSON, StandardModel.MTH_DARROCH, StandardModel.MTH_GAMMA);

  /** The significance level at which the test is said to show heterogeneity. */
  public static final double LEVEL = 0.05;

  /**
   * The test on {@code table}; null for fewer than 3 lists or a fit that did not converge or is not
   * identifiable.
   */
  public static HeterogeneityTest of(CaptureTable table) {
    if (table.listCount() < 3) {
      return null;
    }
    ModelFit mt = StandardModel.MT.fit(table);
    ModelFit mth = StandardModel.MTH_DARROCH.fit(table);
    double[] coef = mth.glm().coef();
    double eta = coef[coef.length - 1];
    if (!Double.isFinite(mt.deviance())
        || !Double.isFinite(mth.deviance())
        || !Double.isFinite(mth.abundance())
        || !Double.isFinite(eta)
        || !mth.glm().converged()
        || mth.glm().aliased()) {
      return null;
    }
    double stat = Math.max(0, mt.deviance() - mth.deviance());
    double p = 1 - new ChiSquaredDistribution(1).cumulativeProbability(stat);
    ProfileInterval.Interval ci = ProfileInterval.of(mth, table.documented());
    Double upper = ci.upper().isPresent() ? ci.upper().getAsDouble() : null;
    boolean shown = eta > 0 && p < LEVEL;
    Double highest = null;
    String highestModel = null;
    if (shown) {
      for (StandardModel m : MODELS) {
        ModelFit f = m == StandardModel.MTH_DARROCH ? mth : m.fit(table);
        if (!Double.isFinite(f.abundance()) || !f.glm().converged() || f.glm().aliased()) {
          continue;
        }
        ProfileInterval.Interval c =
            m == StandardModel.MTH_DARROCH ? ci : ProfileInterval.of(f, table.documented());
        if (c.upper().isEmpty()) {
          highest = null;
          highestModel = m.label;
          break;
        }
        if (highest == null || c.upper().getAsDouble() > highest) {
          highest = c.upper().getAsDouble();
          highestModel = m.label;
        }
      }
    }
    return new HeterogeneityTest(
        stat, p, eta, mth.abundance(), ci.lower(), upper, highest, highestModel);
  }

  /** Heterogeneity shown: a positive term, significant at {@link #LEVEL}. */
  public boolean shown() {
    return coefficient > 0 && pValue < LEVEL;
  }
}
