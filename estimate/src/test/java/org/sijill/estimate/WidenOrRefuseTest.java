package org.sijill.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last step of every estimate: keep, widen or refuse the recommended interval. */
class WidenOrRefuseTest {
  /**
   * Three lists, 1,454 documented, 562 of them on two or more lists: the expected counts of 2,000
   * equally catchable people on independent lists (p 0.4, 0.35, 0.3), so the heterogeneity step
   * leaves the agreement branches alone.
   */
  private static final CaptureTable OVERLAPPING =
      CaptureTable.of(List.of("A", "B", "C"), new long[] {0, 364, 294, 196, 234, 156, 126, 84});

  /**
   * Four lists: the expected counts of 3,000 people in two groups, 30% with capture probabilities
   * 0.5/0.45/0.4/0.55 and 70% with 0.2/0.15/0.25/0.2, lists independent within a group (the
   * simulation study's two-group scenario).
   */
  static CaptureTable twoGroups() {
    double[][] p = {{0.5, 0.45, 0.4, 0.55}, {0.2, 0.15, 0.25, 0.2}};
    double[] share = {0.3, 0.7};
    long[] counts = new long[16];
    for (int pattern = 1; pattern < 16; pattern++) {
      double e = 0;
      for (int g = 0; g < 2; g++) {
        double q = share[g];
        for (int j = 0; j < 4; j++) {
          q *= ((pattern >> j) & 1) == 1 ? p[g][j] : 1 - p[g][j];
        }
        e += q;
      }
      counts[pattern] = Math.round(3000 * e);
    }
    return CaptureTable.of(List.of("A", "B", "C", "D"), counts);
  }

  private static final Estimate LCMCR =
      new Estimate(
          EstimationOptions.Method.LCMCR,
          "K=7",
          1500,
          1400.0,
          1620.0,
          null,
          null,
          "posterior",
          null,
          null,
          null);

  private static Estimate loglinear(String model, double total, double lower, double upper) {
    return new Estimate(
        EstimationOptions.Method.LOGLINEAR,
        model,
        total,
        lower,
        upper,
        1.0,
        2.0,
        "profile",
        "lowest BIC",
        null,
        null);
  }

  private static Report report(Estimate recommended, List<Estimate> credible, long documented) {
    List<Report.Member> from = new ArrayList<>();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    double lower = Double.MAX_VALUE;
    double upper = 0;
    for (Estimate e : credible) {
      from.add(new Report.Member(e.method(), e.model(), e.total()));
      lo = Math.min(lo, e.total());
      hi = Math.max(hi, e.total());
      lower = Math.min(lower, e.lower());
      upper = Math.max(upper, e.upper());
    }
    return Report.builder()
        .lists(List.of("A", "B", "C"))
        .documented(documented)
        .estimates(credible)
        .recommended(recommended)
        .recommendedBecause("LCMCR is recommended because its chains agree.")
        .spread(new Report.Spread(lo, hi, credible.size(), lower, upper, "x", "y", from, "summary"))
        .warnings(List.of("an earlier warning"))
        .details(Map.of("seed", 1L))
        .build();
  }

  @Test
  void anIntervalTheOtherCredibleModelsAgreeWithIsKeptAsItIs() {
    Report r = report(LCMCR, List.of(LCMCR, loglinear("A+B+C", 1450, 1380, 1530)), 1000);

    Report out = WidenOrRefuse.apply(r, OVERLAPPING);

    assertThat(out.recommended()).isEqualTo(LCMCR);
    assertThat(out.recommendedBecause()).isEqualTo(r.recommendedBecause());
    assertThat(out.warnings()).containsExactly("an earlier warning");
    assertThat(out.details()).containsEntry("verdict", "kept").containsEntry("seed", 1L);
  }

  @Test
  void aCredibleTotalOutsideTheRecommendedIntervalWidensItToTheEnvelope() {
    Estimate high = loglinear("A*B+C", 1700, 1560, 1900);
    Estimate low = loglinear("A+B+C", 1450, 1300, 1530);
    Report r = report(LCMCR, List.of(LCMCR, high, low), 1000);

    Report out = WidenOrRefuse.apply(r, OVERLAPPING);

    Estimate rec = out.recommended();
    assertThat(rec.method()).isEqualTo(EstimationOptions.Method.LCMCR);
    assertThat(rec.total()).isEqualTo(1500);
    assertThat(rec.lower()).isEqualTo(1300.0);
    assertThat(rec.upper()).isEqualTo(1900.0);
    assertThat(rec.details()).containsEntry("ownLower", 1400.0).containsEntry("ownUpper", 1620.0);
    assertThat(rec.interval())
        .isEqualTo("posterior; widened to the envelope of the credible estimates' 95% intervals");
    // the stored list carries the widened interval, so the row marked recommended is this one
    assertThat(out.estimates()).containsExactly(rec, high, low);
    assertThat(out.details()).containsEntry("verdict", "widened");
    assertThat(out.warnings())
        .containsExactly(
            "an earlier warning",
            "widened: log-linear BIC-best (A*B+C) 1,700 lies outside LCMCR (K=7)'s own 95% interval"
                + " [1,400, 1,620], so the recommended interval is the credible estimates'"
                + " envelope, 1,300 to 1,900");
    assertThat(out.recommendedBecause())
        .startsWith("LCMCR is recommended because its chains agree. Its interval is widened to")
        .contains("1,300–1,900");
  }

  @Test
  void tooFewPeopleOnMoreThanOneListRefusesWithTheReason() {
    CaptureTable sparse =
        CaptureTable.of(List.of("A", "B", "C"), new long[] {0, 400, 350, 6, 300, 5, 4, 2});
    Report r = report(LCMCR, List.of(LCMCR), 1067);

    Report out = WidenOrRefuse.apply(r, sparse);

    assertThat(out.recommended()).isNull();
    assertThat(out.details()).containsEntry("verdict", "refused");
    assertThat(out.recommendedBecause())
        .isEqualTo(
            "No estimate is recommended: refused because only 17 documented people are on two"
                + " or more lists (fewer than 20): every model extrapolates from too few"
                + " overlaps. LCMCR (K=7) gave 1,500 [1,400, 1,620]; the spread shows what every"
                + " credible model says. Report the documented count as a floor.");
    assertThat(out.warnings())
        .contains(
            "refused: only 17 documented people are on two or more lists (fewer than 20): every"
                + " model extrapolates from too few overlaps; no number is recommended, report"
                + " the documented count (1,067) as a floor and the spread as what the models"
                + " say");
    // every estimate is still there, unchanged: refusing hides nothing
    assertThat(out.estimates()).containsExactly(LCMCR);
    assertThat(out.spread()).isEqualTo(r.spread());
  }

  @Test
  void credibleIntervalsMoreThanThreefoldApartRefuse() {
    Estimate wild = loglinear("A*B*C", 4000, 1200, 9000);
    Report r = report(LCMCR, List.of(LCMCR, wild), 1000);

    Report out = WidenOrRefuse.apply(r, OVERLAPPING);

    assertThat(out.recommended()).isNull();
    assertThat(out.recommendedBecause())
        .startsWith(
            "No estimate is recommended: refused because the credible estimates' 95% intervals"
                + " together run from 1,200 to 9,000, more than 3 times apart");
  }

  @Test
  void aRecommendedIntervalWithoutUpperBoundRefuses() {
    Estimate open =
        new Estimate(
            EstimationOptions.Method.LOGLINEAR,
            "A*B",
            1500,
            1200.0,
            null,
            1.0,
            2.0,
            null,
            "lowest BIC",
            null,
            null);
    Report withSpread =
        Report.builder()
            .lists(List.of("A", "B", "C"))
            .documented(1000)
            .estimates(List.of(open))
            .recommended(open)
            .recommendedBecause("because")
            .warnings(List.of())
            .build();

    Report out = WidenOrRefuse.apply(withSpread, OVERLAPPING);

    assertThat(out.recommended()).isNull();
    assertThat(out.recommendedBecause())
        .startsWith(
            "No estimate is recommended: refused because the recommended 95% interval has"
                + " no upper bound");
  }

  @Test
  void heterogeneousCatchabilityRaisesTheUpperBoundToTheHighestHeterogeneityModelsAndSaysWhy() {
    CaptureTable table = twoGroups();
    org.sijill.estimate.loglinear.HeterogeneityTest h =
        org.sijill.estimate.loglinear.HeterogeneityTest.of(table);
    assertThat(h.shown()).isTrue();
    // LCMCR's interval sits low, as it does under two groups; the credible models agree with it
    Estimate lcmcr =
        new Estimate(
            EstimationOptions.Method.LCMCR,
            "K=15",
            2880,
            2720.0,
            3060.0,
            null,
            null,
            "posterior",
            null,
            null,
            null);
    Report r = report(lcmcr, List.of(lcmcr, loglinear("A+B+C+D", 2850, 2760, 2950)), 2260);

    Report out = WidenOrRefuse.apply(r, table);

    Estimate rec = out.recommended();
    assertThat(h.highestUpper()).isGreaterThan(h.upper()).isGreaterThan(3060.0);
    assertThat(h.highestModel()).isEqualTo("Mth Gamma3.5");
    assertThat(rec.total()).isEqualTo(2880);
    assertThat(rec.lower()).isEqualTo(2720.0);
    assertThat(rec.upper()).isEqualTo(h.highestUpper());
    assertThat(rec.details()).containsEntry("ownLower", 2720.0).containsEntry("ownUpper", 3060.0);
    assertThat(rec.interval())
        .endsWith(
            "upper bound raised to the highest heterogeneity model's (Mth Gamma3.5; capture"
                + " heterogeneity)");
    assertThat(out.estimates()).contains(rec);
    assertThat(out.details()).containsEntry("verdict", "widened");
    assertThat(out.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                        "capture heterogeneity: the documented people differ in how easily the"
                            + " lists catch them")
                    && w.contains("even this may be too low"));
    assertThat(out.recommendedBecause())
        .startsWith(
            "LCMCR is recommended because its chains agree. Its upper bound is raised from"
                + " 3,060 to ");
  }

  @Test
  void anUpperBoundAlreadyAboveEveryHeterogeneityModelsIsNotTouched() {
    CaptureTable table = twoGroups();
    double darroch = org.sijill.estimate.loglinear.HeterogeneityTest.of(table).highestUpper();
    Estimate wide =
        new Estimate(
            EstimationOptions.Method.LCMCR,
            "K=15",
            2880,
            2720.0,
            darroch + 100,
            null,
            null,
            "posterior",
            null,
            null,
            null);
    Report r = report(wide, List.of(wide, loglinear("A+B+C+D", 2850, 2760, 2950)), 2260);

    Report out = WidenOrRefuse.apply(r, table);

    assertThat(out.recommended()).isEqualTo(wide);
    assertThat(out.details()).containsEntry("verdict", "kept");
  }

  @Test
  void aRealEstimateOnATableWithFewOverlapsIsRefusedEndToEnd() {
    CaptureTable sparse =
        CaptureTable.of(List.of("A", "B", "C"), new long[] {0, 400, 350, 6, 300, 5, 4, 2});

    Report out =
        MultipleSystemsEstimation.estimate(
            sparse, EstimationOptions.defaults(7).withLcmcr(0, 2_000, 1_000, 2, 2), line -> {});

    assertThat(out.recommended()).isNull();
    assertThat(out.estimates()).isNotEmpty();
    assertThat(out.details()).containsEntry("verdict", "refused");
    assertThat(out.warnings()).anyMatch(w -> w.startsWith("refused: only 17 documented people"));
    assertThat(out.warnings()).noneMatch(w -> w.startsWith("no method gave a usable estimate"));
  }

  @Test
  void everyRealEstimateSaysWhichBranchItTook() {
    // the expected counts of 2,000 people on three independent lists (p 0.4, 0.35, 0.3)
    CaptureTable independent =
        CaptureTable.of(List.of("A", "B", "C"), new long[] {0, 364, 294, 196, 234, 156, 126, 84});
    Report out =
        MultipleSystemsEstimation.estimate(
            independent,
            EstimationOptions.defaults(7).withLcmcr(0, 2_000, 1_000, 2, 2),
            line -> {});

    assertThat(out.details().get("verdict")).as(out.recommendedBecause()).isIn("kept", "widened");
    assertThat(out.recommended()).isNotNull();
    assertThat(out.estimates()).contains(out.recommended());
    if (out.details().get("verdict").equals("widened")) {
      assertThat(out.recommended().lower()).isEqualTo(out.spread().lower());
      assertThat(out.recommended().upper()).isEqualTo(out.spread().upper());
    }
  }
}
