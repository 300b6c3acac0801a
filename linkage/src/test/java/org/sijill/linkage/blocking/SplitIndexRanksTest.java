package org.sijill.linkage.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ranks from the int[] sort are those of the stable sort of boxed indices it replaced. */
class SplitIndexRanksTest {
  private static int[] boxed(String[] key) {
    Integer[] order = new Integer[key.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> key[x].compareTo(key[y]));
    int[] rank = new int[key.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  private static final char[] CHARS = {'a', 'b', 'm', ' ', '|', '1', '\0', 'ح', 'س', '\uFFFF', 'ß'};

  private static String[] keys(Random rnd, int n, int maxLen) {
    String[] key = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(maxLen + 1);
      for (int k = 0; k < len; k++) {
        b.append(CHARS[rnd.nextInt(CHARS.length)]);
      }
      key[i] = b.toString();
    }
    return key;
  }

  @Test
  void smallInputsRankAsTheBoxedSort() {
    Random rnd = new Random(14);
    for (int t = 0; t < 500; t++) {
      String[] key = keys(rnd, rnd.nextInt(200), 1 + rnd.nextInt(7));
      assertThat(SplitIndex.ranks(key)).containsExactly(boxed(key));
    }
    assertThat(SplitIndex.ranks(new String[0])).isEmpty();
  }

  @Test
  void largeInputsSortedOnAllCoresRankAsTheBoxedSort() {
    Random rnd = new Random(1000000);
    // many equal keys (short ones) and many sharing their first four characters (long ones)
    for (int maxLen : new int[] {3, 9}) {
      String[] key = keys(rnd, 60_000, maxLen);
      assertThat(SplitIndex.ranks(key)).containsExactly(boxed(key));
    }
  }

  @Test
  void headsOrderAsTheStringsWhereTheyDiffer() {
    Random rnd = new Random(4);
    String[] key = keys(rnd, 3000, 6);
    for (int t = 0; t < 20000; t++) {
      String x = key[rnd.nextInt(key.length)];
      String y = key[rnd.nextInt(key.length)];
      int c = Long.compareUnsigned(SplitIndex.head(x), SplitIndex.head(y));
      if (c != 0) {
        assertThat(Integer.signum(x.compareTo(y))).as("%s / %s", x, y).isEqualTo(c);
      }
    }
  }
}
