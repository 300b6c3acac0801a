package org.sijill.linkage.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.names.EditDistance;

/** Packed digit strings are one keying error apart exactly when the strings are. */
class PackedDigitsTest {
  @Test
  void packedDigitsAreWithinOneEditExactlyWhenTheirStringsAre() {
    SplittableRandom rnd = new SplittableRandom(19);
    int near = 0;
    int far = 0;
    for (int n = 0; n < 200_000; n++) {
      String a = digits(rnd, 1 + rnd.nextInt(15));
      String b = mutate(rnd, a);
      boolean expected = EditDistance.withinOne(a, b);
      long pa = DateComparator.pack(a);
      long pb = DateComparator.pack(b);
      if (pa == 0 || pb == 0) {
        continue; // b grew past 15 digits or shrank to none: compared as strings
      }
      assertThat(DateComparator.withinOne(pa, pb)).as("%s %s", a, b).isEqualTo(expected);
      assertThat(DateComparator.withinOne(pb, pa)).as("%s %s", b, a).isEqualTo(expected);
      if (expected) {
        near++;
      } else {
        far++;
      }
    }
    assertThat(near).isGreaterThan(10_000);
    assertThat(far).isGreaterThan(10_000);
    assertThat(
            DateComparator.withinOne(
                DateComparator.pack("19651013"), DateComparator.pack("19561013")))
        .isTrue();
    assertThat(DateComparator.withinOne(DateComparator.pack("0"), DateComparator.pack("00")))
        .isTrue();
    assertThat(DateComparator.withinOne(DateComparator.pack("10"), DateComparator.pack("01")))
        .isTrue();
    assertThat(DateComparator.withinOne(DateComparator.pack("120"), DateComparator.pack("021")))
        .isFalse();
    assertThat(DateComparator.pack("1234567890123456")).isZero();
    assertThat(DateComparator.pack("12a")).isZero();
    assertThat(DateComparator.pack(null)).isZero();
  }

  private static String digits(SplittableRandom rnd, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + rnd.nextInt(rnd.nextBoolean() ? 2 : 10)));
    }
    return b.toString();
  }

  /** 0 to 3 random edits: substitutions, swaps, insertions, deletions. */
  private static String mutate(SplittableRandom rnd, String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = rnd.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int i = rnd.nextInt(b.length());
      char d = (char) ('0' + rnd.nextInt(10));
      switch (rnd.nextInt(4)) {
        case 0 -> b.setCharAt(i, d);
        case 1 -> {
          if (i + 1 < b.length()) {
            char c = b.charAt(i);
            b.setCharAt(i, b.charAt(i + 1));
            b.setCharAt(i + 1, c);
          }
        }
        case 2 -> b.insert(i, d);
        default -> b.deleteCharAt(i);
      }
    }
    return b.toString();
  }
}
