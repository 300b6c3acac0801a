package org.sijill.estimate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.Report;

/** The sentence that says why the recommended estimate was chosen, for each branch of the rule. */
class RecommendationTest {
  private static final Estimate LCMCR_DISAGREEING =
      new Estimate(
          EstimationOptions.Method.LCMCR,
          "K=10",
          900,
          700.0,
          1400.0,
          null,
          null,
          null,
          null,
          Map.of("rhat", 1.8),
          null);
  private static final Estimate DGA =
      new Estimate(
          EstimationOptions.Method.DGA,
          "BMA",
          1000,
          800.0,
          1300.0,
          null,
          null,
          null,
          null,
          null,
          null);
  private static final Estimate BIC =
      new Estimate(
          EstimationOptions.Method.LOGLINEAR,
          "A*B+C",
          1100,
          950.0,
          1350.0,
          1.0,
          2.0,
          null,
          "lowest BIC",
          null,
          null);

  @Test
  void dgaIsRecommendedWhenLcmcrChainsDisagreeAndTheSentenceSaysSo() {
    List<Estimate> plausible = List.of(BIC, DGA);
    Estimate chosen = Recommendation.choose(LCMCR_DISAGREEING, DGA, BIC, plausible);
    assertThat(chosen).isSameAs(DGA);
    assertThat(Recommendation.reason(chosen, LCMCR_DISAGREEING, DGA, BIC, plausible))
        .isEqualTo(
            "dga is recommended because LCMCR's chains disagree (R-hat 1.8 > 1.1); dga averages"
                + " over every decomposable log-linear model, weighted by how well each fits,"
                + " instead of choosing one. Of the other credible estimates, 0 are lower and 1"
                + " higher (see spread).");
  }

  @Test
  void theLogLinearFallbackNamesWhatWasWrongWithTheBayesianMethods() {
    Estimate dgaUnusable =
        new Estimate(
            EstimationOptions.Method.DGA,
            "BMA",
            1000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("the maximum-likelihood estimate does not exist for this table"));
    List<Estimate> plausible = List.of(BIC);
    Estimate chosen = Recommendation.choose(null, dgaUnusable, BIC, plausible);
    assertThat(chosen).isSameAs(BIC);
    assertThat(Recommendation.reason(chosen, null, dgaUnusable, BIC, plausible))
        .startsWith("The lowest-BIC log-linear model is recommended because LCMCR was not run")
        .contains("dga is not usable (the maximum-likelihood estimate does not exist");
  }

  @Test
  void theSpreadCoversEveryCredibleEstimateAndItsIntervals() {
    Report.Spread s = Recommendation.spread(List.of(BIC, DGA));
    assertThat(s.lowest()).isEqualTo(1000);
    assertThat(s.highest()).isEqualTo(1100);
    assertThat(s.lower()).isEqualTo(800.0);
    assertThat(s.upper()).isEqualTo(1350.0);
    assertThat(s.lowestFrom()).isEqualTo("dga BMA");
    assertThat(s.highestFrom()).isEqualTo("loglinear A*B+C");
    assertThat(s.summary())
        .isEqualTo(
            "Across the 2 credible estimates, totals range from 1,000 (DGA (BMA)) to 1,100"
                + " (log-linear BIC-best (A*B+C)); their 95% intervals together run from 800 to"
                + " 1,350.");
    assertThat(Recommendation.spread(List.of())).isNull();
  }

  @Test
  void withNothingUsableTheSentenceSaysWhy() {
    assertThat(Recommendation.reason(null, null, null, null, List.of()))
        .startsWith("No estimate is recommended: no method gave a usable number (LCMCR was not");
  }
}
