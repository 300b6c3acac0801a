package org.sijill.linkage.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The character-array forms of Jaro-Winkler and the one-edit test that text fields use must answer
 * exactly as the string forms (same bits), and the prefix-aware bound must never fall below the
 * similarity, or a pair would get another level than before.
 */
class CharArrayComparisonsTest {
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "aeinorst";

  /** Pairs of short strings over small alphabets (postcodes, ids, street names), many alike. */
  private static String[] pair(SplittableRandom rnd, String alphabet) {
    int length = 1 + rnd.nextInt(12);
    StringBuilder a = new StringBuilder();
    for (int i = 0; i < length; i++) {
      a.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    StringBuilder b = new StringBuilder(a);
    int edits = rnd.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = rnd.nextInt(b.length());
      switch (rnd.nextInt(4)) {
        case 0 -> b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        case 1 -> b.deleteCharAt(at);
        case 2 -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        default -> {
          if (at + 1 < b.length()) {
            char c = b.charAt(at);
            b.setCharAt(at, b.charAt(at + 1));
            b.setCharAt(at + 1, c);
          }
        }
      }
    }
    if (rnd.nextInt(5) == 0) {
      b.reverse();
    }
    return new String[] {a.toString(), b.toString()};
  }

  @Test
  void charArraysAnswerAsStringsAndTheBoundHolds() {
    SplittableRandom rnd = new SplittableRandom(19);
    int alike = 0;
    for (int n = 0; n < 200_000; n++) {
      String[] p = pair(rnd, n % 2 == 0 ? DIGITS : LETTERS);
      char[] a = p[0].toCharArray();
      char[] b = p[1].toCharArray();
      double jw = JaroWinkler.similarity(p[0], p[1]);
      assertThat(JaroWinkler.similarity(a, b)).as("%s / %s", p[0], p[1]).isEqualTo(jw);
      assertThat(EditDistance.withinOne(a, b))
          .as("%s / %s", p[0], p[1])
          .isEqualTo(EditDistance.withinOne(p[0], p[1]));
      if (!p[0].equals(p[1])) {
        double bound = JaroWinkler.upperBound(a, JaroWinkler.charSet(a), b, JaroWinkler.charSet(b));
        assertThat(bound).as("%s / %s", p[0], p[1]).isGreaterThanOrEqualTo(jw);
        assertThat(bound)
            .isLessThanOrEqualTo(
                JaroWinkler.upperBound(
                    p[0], JaroWinkler.charSet(p[0]), p[1], JaroWinkler.charSet(p[1])));
      }
      if (jw >= 0.85) {
        alike++;
      }
    }
    // the pairs reach both sides of the threshold the bound is used with
    assertThat(alike).isBetween(20_000, 180_000);
  }

  @Test
  void longValuesFallBackToTheStringForm() {
    String a = "a".repeat(70) + "bcd";
    String b = "a".repeat(70) + "bdc";
    assertThat(JaroWinkler.similarity(a.toCharArray(), b.toCharArray()))
        .isEqualTo(JaroWinkler.similarity(a, b))
        .isGreaterThan(0.9);
  }
}
