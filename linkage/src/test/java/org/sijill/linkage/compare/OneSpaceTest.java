package org.sijill.linkage.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TextComparator#oneSpace} turns runs of white space into one space as the regex did. */
class OneSpaceTest {
  @Test
  void runsOfWhiteSpaceBecomeOneSpaceAsWithTheRegex() {
    String alphabet = "ab  \t\n\u000B\f\r\u00A0\u3000\u2009-ابو1";
    SplittableRandom rnd = new SplittableRandom(19);
    int changed = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = b.toString();
      String expected = s.replaceAll("\\s+", " ");
      assertThat(TextComparator.oneSpace(s)).as("[%s]", s).isEqualTo(expected);
      if (!expected.equals(s)) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(1000);
    assertThat(TextComparator.oneSpace("")).isEmpty();
    assertThat(TextComparator.oneSpace("a \t b")).isEqualTo("a b");
    assertThat(TextComparator.oneSpace("a b")).isEqualTo("a b");
    // the no-break and ideographic spaces are not a regex's \s: kept
    assertThat(TextComparator.oneSpace("a\u00A0\u3000b")).isEqualTo("a\u00A0\u3000b");
  }
}
