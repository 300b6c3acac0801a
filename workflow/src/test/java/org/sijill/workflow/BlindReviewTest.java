package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlindReviewTest {
  private static void add(List<String[]> out, int n, String a, String b) {
    for (int i = 0; i < n; i++) {
      out.add(new String[] {a, b});
    }
  }

  @Test
  void kappaOfTheTextbookTwoByTwoTableIsPointFour() {
    // 50 pairs: both same 20, A same/B different 5, A different/B same 10, both different 15.
    // Observed agreement 0.7; chance 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa (0.7 - 0.5) / 0.5 = 0.4.
    List<String[]> r = new ArrayList<>();
    add(r, 20, "same", "same");
    add(r, 5, "same", "different");
    add(r, 10, "different", "same");
    add(r, 15, "different", "different");
    assertThat(BlindReview.kappa(r)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void perfectAgreementIsOneAndAgreementNoBetterThanChanceIsZero() {
    List<String[]> perfect = new ArrayList<>();
    add(perfect, 3, "same", "same");
    add(perfect, 2, "unsure", "unsure");
    assertThat(BlindReview.kappa(perfect)).isCloseTo(1.0, within(1e-12));
    List<String[]> chance = new ArrayList<>();
    add(chance, 1, "same", "same");
    add(chance, 1, "same", "different");
    add(chance, 1, "different", "same");
    add(chance, 1, "different", "different");
    assertThat(BlindReview.kappa(chance)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void kappaIsUndefinedWithoutPairsOrWhenBothAlwaysGiveTheSameOneAnswer() {
    assertThat(BlindReview.kappa(List.of())).isNull();
    List<String[]> one = new ArrayList<>();
    add(one, 4, "same", "same");
    assertThat(BlindReview.kappa(one)).isNull();
  }
}
