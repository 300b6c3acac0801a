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

  /**
   * The partners' merge of ascending runs sorts as Arrays.sort does: arrays of a few runs (as
   * blocks emit them, with repeats), of many short runs (the fallback), sorted, reversed, single.
   */
  @Test
  void mergingRunsSortsAsArraysSort() {
    Random random = new Random(8);
    DistinctPairs.Runs runs = new DistinctPairs.Runs();
    for (int round = 0; round < 3000; round++) {
      int n = random.nextInt(600);
      int[] a = new int[n + 7];
      int kind = round % 4;
      int v = 0;
      for (int i = 0; i < n; i++) {
        if (kind == 0) {
          // ascending runs of random length, values repeating across runs
          if (random.nextInt(15) == 0) {
            v = random.nextInt(1000);
          }
          v += random.nextInt(20);
          a[3 + i] = v;
        } else if (kind == 1) {
          a[3 + i] = random.nextInt(1 << 24);
        } else if (kind == 2) {
          a[3 + i] = i / 2;
        } else {
          a[3 + i] = n - i;
        }
      }
      a[0] = -1;
      a[n + 6] = Integer.MAX_VALUE;
      int[] expected = a.clone();
      Arrays.sort(expected, 3, 3 + n);
      runs.sort(a, 3, 3 + n);
      assertThat(a).containsExactly(expected);
    }
  }
}
