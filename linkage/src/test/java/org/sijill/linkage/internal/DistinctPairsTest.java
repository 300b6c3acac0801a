package org.sijill.linkage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistinctPairsTest {

  @Test
  void givesWhatSortingAndDroppingRepeatsGives() {
    Random random = new Random(3);
    int records = 20_000; // more than one part of the parallel passes
    LongList pairs = new LongList(0);
    for (int k = 0; k < 100_000; k++) {
      int i = random.nextInt(records - 1);
      int j = i + 1 + random.nextInt(Math.min(50, records - 1 - i));
      pairs.add(((long) i << 32) | j);
      if (k % 3 == 0) {
        pairs.add(((long) i << 32) | j); // repeated, as blocks repeat pairs
      }
    }
    pairs.add(((long) (records - 2) << 32) | (records - 1)); // the largest pair possible
    long[] expected = Arrays.stream(pairs.toArray()).sorted().distinct().toArray();

    long[] got = DistinctPairs.of(pairs, records);

    assertThat(got).containsExactly(expected);
    assertThat(pairs.size()).isZero();
  }

  @Test
  void emptyAndSingle() {
    assertThat(DistinctPairs.of(new LongList(0), 5)).isEmpty();
    LongList one = new LongList(0);
    one.add(((long) 1 << 32) | 4);
    one.add(((long) 1 << 32) | 4);
    assertThat(DistinctPairs.of(one, 5)).containsExactly(((long) 1 << 32) | 4);
  }
}
