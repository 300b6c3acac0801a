package org.sijill.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;

/** {@link HeterogeneityTest}: Darroch's Mth against Mt on tables whose design is known. */
class CaptureHeterogeneityTest {
  /**
   * The expected counts of {@code size} people in groups ({@code shares}) with capture
   * probabilities {@code p[group][list]}; {@code dependence} scales list 2's probability for people
   * on list 1 (0.5: half as likely).
   */
  private static CaptureTable expected(int size, double[][] p, double[] shares, double dependence) {
    int t = p[0].length;
    long[] counts = new long[1 << t];
    for (int pattern = 1; pattern < counts.length; pattern++) {
      double e = 0;
      for (int g = 0; g < shares.length; g++) {
        double q = shares[g];
        for (int j = 0; j < t; j++) {
          double pj = p[g][j];
          if (j == 1 && (pattern & 1) == 1) {
            pj *= dependence;
          }
          q *= ((pattern >> j) & 1) == 1 ? pj : 1 - pj;
        }
        e += q;
      }
      counts[pattern] = Math.round(size * e);
    }
    List<String> names = List.of("A", "B", "C", "D", "E", "F").subList(0, t);
    return CaptureTable.of(names, counts);
  }

  @Test
  void twoGroupsOfCatchabilityAreShownAndDarrochReachesAboveMt() {
    CaptureTable t =
        expected(
            3000,
            new double[][] {{0.5, 0.45, 0.4, 0.55}, {0.2, 0.15, 0.25, 0.2}},
            new double[] {0.3, 0.7},
            1);

    HeterogeneityTest h = HeterogeneityTest.of(t);

    assertThat(h.shown()).isTrue();
    assertThat(h.coefficient()).isPositive();
    assertThat(h.pValue()).isLessThan(0.001);
    double mt = StandardModel.MT.fit(t).abundance();
    assertThat(mt).isLessThan(2800); // equal catchability misses the hard-to-catch group
    assertThat(h.total()).isGreaterThan(mt);
    assertThat(h.upper()).isGreaterThan(3000.0);
    assertThat(h.lower()).isLessThan(h.total());
    // the highest of Poisson2, Darroch and Gamma3.5: Gamma's heavier tail reaches furthest
    assertThat(h.highestModel()).isEqualTo("Mth Gamma3.5");
    assertThat(h.highestUpper()).isGreaterThan(h.upper());
  }

  @Test
  void equallyCatchablePeopleOnIndependentListsShowNothing() {
    CaptureTable t = expected(2000, new double[][] {{0.3, 0.25, 0.2, 0.35}}, new double[] {1}, 1);

    HeterogeneityTest h = HeterogeneityTest.of(t);

    assertThat(h.statistic()).isLessThan(0.5);
    assertThat(h.shown()).isFalse();
    assertThat(h.highestUpper()).isNull();
  }

  @Test
  void listsThatAvoidEachOtherAreNotHeterogeneity() {
    // a person on list 1 is half as likely to be on list 2: fewer overlaps than chance
    CaptureTable t = expected(3000, new double[][] {{0.3, 0.3, 0.25, 0.3}}, new double[] {1}, 0.5);

    HeterogeneityTest h = HeterogeneityTest.of(t);

    assertThat(h.shown()).isFalse();
  }

  @Test
  void twoListsHaveNoTest() {
    assertThat(HeterogeneityTest.of(CaptureTable.of(List.of("A", "B"), new long[] {0, 50, 40, 30})))
        .isNull();
  }
}
