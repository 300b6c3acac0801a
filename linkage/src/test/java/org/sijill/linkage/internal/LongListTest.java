package org.sijill.linkage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link LongList#sorted}'s radix sort gives what {@code Arrays.sort} gives. */
class LongListTest {
  @Test
  void radixSortsAsArraysSort() {
    SplittableRandom random = new SplittableRandom(4);
    for (int round = 0; round < 40; round++) {
      int n = round < 5 ? round + 1 : random.nextInt(200_000);
      long[] values = new long[n];
      int kind = round % 4;
      for (int i = 0; i < n; i++) {
        values[i] =
            switch (kind) {
              case 0 -> random.nextLong(); // negatives too (a key family's top bit)
              case 1 -> ((long) random.nextInt(12) << 59) | random.nextInt(1000); // few digits vary
              case 2 -> 42; // every digit shared: no pass moves anything
              default -> random.nextInt(50) - 25L; // small, repeated, both signs
            };
      }
      long[] expected = values.clone();
      Arrays.sort(expected);
      assertThat(LongList.radixSorted(values.clone(), n)).isEqualTo(expected);
      LongList list = new LongList(0);
      for (long v : values) {
        list.add(v);
      }
      assertThat(list.sorted()).isEqualTo(expected);
    }
  }
}
