package org.sijill.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contested pairs' probabilities calibrated on review decisions, per kind of pair. */
class ReviewCalibrationTest {
  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  @Test
  void withoutDecisionsEveryProbabilityStaysAsTheModelGaveIt() {
    LinkageReplicates.Calibration none = LinkageReplicates.Calibration.fit(List.of());
    assertThat(none).isEqualTo(LinkageReplicates.Calibration.NONE);
    List<LinkageReplicates.Pair> pairs =
        List.of(new LinkageReplicates.Pair(0, 1, 0.3), new LinkageReplicates.Pair(1, 2, 0.8));
    assertThat(none.apply(new int[] {0, 0, 1}, pairs)).isEqualTo(pairs);
  }

  @Test
  void eachKindIsShiftedTowardWhatItsReviewersFound() {
    // merged pairs at p = 0.6 that reviewers found the same person 9 times in 10; pairs left apart
    // at p = 0.5 found the same person once in 10
    List<LinkageReplicates.Reviewed> reviewed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      reviewed.add(new LinkageReplicates.Reviewed(0.6, true, i < 9));
      reviewed.add(new LinkageReplicates.Reviewed(0.5, false, i < 1));
    }
    LinkageReplicates.Calibration c = LinkageReplicates.Calibration.fit(reviewed);
    assertThat(c.mergedReviewed()).isEqualTo(10);
    assertThat(c.apartReviewed()).isEqualTo(10);
    // the prior (a normal of sd 1 on the shift) holds each below the observed rate's own shift
    double mergedAll = logit(0.9) - logit(0.6);
    double apartAll = logit(0.1) - logit(0.5);
    assertThat(c.mergedShift()).isPositive().isLessThan(mergedAll);
    assertThat(c.apartShift()).isNegative().isGreaterThan(apartAll);
    // the shift is the posterior mode: the score of the decisions balances the prior
    double mu = 1 / (1 + Math.exp(-(logit(0.6) + c.mergedShift())));
    assertThat(9 - 10 * mu - c.mergedShift()).isCloseTo(0, within(1e-9));
    double nu = 1 / (1 + Math.exp(-(logit(0.5) + c.apartShift())));
    assertThat(1 - 10 * nu - c.apartShift()).isCloseTo(0, within(1e-9));
    // applied by the kind of each pair in the run's clustering
    int[] cluster = {0, 0, 1};
    List<LinkageReplicates.Pair> out =
        c.apply(
            cluster,
            List.of(new LinkageReplicates.Pair(0, 1, 0.6), new LinkageReplicates.Pair(1, 2, 0.5)));
    assertThat(out.get(0).probability()).isCloseTo(mu, within(1e-12)).isGreaterThan(0.6);
    assertThat(out.get(1).probability()).isCloseTo(nu, within(1e-12)).isLessThan(0.5);
  }

  @Test
  void moreDecisionsMoveTheShiftNearerTheRateTheyShow() {
    List<LinkageReplicates.Reviewed> few = new ArrayList<>();
    List<LinkageReplicates.Reviewed> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      LinkageReplicates.Reviewed r = new LinkageReplicates.Reviewed(0.7, true, i % 10 < 9);
      many.add(r);
      if (i < 10) {
        few.add(r);
      }
    }
    double target = logit(0.9) - logit(0.7);
    double fewShift = LinkageReplicates.Calibration.fit(few).mergedShift();
    double manyShift = LinkageReplicates.Calibration.fit(many).mergedShift();
    // the prior still pulls by about shift / (n p (1 - p)): 1.35 / 19 here
    assertThat(manyShift).isGreaterThan(fewShift).isLessThan(target).isCloseTo(target, within(0.1));
    // a kind without decisions keeps its probabilities
    assertThat(LinkageReplicates.Calibration.fit(many).apartShift()).isZero();
  }
}
