package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sijill.linkage.clustering.Clusterer;

/** The floor on a pair's clustering weight ({@link ClusterStep#FLOOR}). */
class ClusterWeightTest {
  @Test
  void aPairWeighsItsLogOddsLessTheThresholdsDownToTheFloor() {
    assertThat(ClusterStep.weight(3, 1)).isEqualTo(2f);
    assertThat(ClusterStep.weight(-2, 0)).isEqualTo(-2f);
    assertThat(ClusterStep.weight(-30, 0)).isEqualTo((float) -ClusterStep.FLOOR);
  }

  /**
   * Records 0–2 are one person (linked strongly). Record 3 is the same person on another list,
   * near-certain against record 0 but, lacking the age and place records 1 and 2 carry, well below
   * the threshold against each of them; record 4 is a brother: a weak pair to record 0 and a name
   * conflict against records 1 and 2.
   */
  @Test
  void aRepeatedDisagreementNoLongerOutweighsANearCertainPair() {
    long[] pairs = {
      Linker.key(0, 1),
      Linker.key(0, 2),
      Linker.key(0, 3),
      Linker.key(0, 4),
      Linker.key(1, 2),
      Linker.key(1, 3),
      Linker.key(1, 4),
      Linker.key(2, 3),
      Linker.key(2, 4),
      Linker.key(3, 4)
    };
    double[] logit = {6, 6, 9, -6, 6, -8, -12, -8, -12, -12};
    logit[3] = 2; // the brother's one weak pair
    int[] source = {0, 0, 0, 1, 1};
    float[] raw = new float[pairs.length];
    float[] floored = new float[pairs.length];
    for (int p = 0; p < pairs.length; p++) {
      raw[p] = (float) logit[p];
      floored[p] = ClusterStep.weight(logit[p], 0);
    }
    int[] before = Clusterer.cluster(5, pairs, raw, source, false);
    // summed at full weight, 6 + 6 - 8 - 8 keeps records 0 and 3 apart from records 1 and 2: one
    // person in two clusters
    assertThat(before[3]).isEqualTo(before[0]);
    assertThat(before[1]).isNotEqualTo(before[0]);
    int[] after = Clusterer.cluster(5, pairs, floored, source, false);
    assertThat(after[3]).isEqualTo(after[0]);
    assertThat(after[1]).isEqualTo(after[0]);
    // the brother: 2 - 4 - 4 (and -4 against record 3) stays apart
    assertThat(after[4]).isNotEqualTo(after[0]);
  }

  /**
   * The pairs clustered from two arrays (the candidates, then the pairs scored for clustering only)
   * give the clusters of the same pairs joined into one array: random graphs of small groups with
   * strong, weak and negative pairs, cut at every few places, in both modes.
   */
  @Test
  void pairsInTwoArraysClusterAsJoined() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
    int merged = 0;
    for (int round = 0; round < 200; round++) {
      int n = 6 + rnd.nextInt(30);
      java.util.TreeMap<Long, Float> w = new java.util.TreeMap<>();
      for (int k = 0; k < n * 2; k++) {
        int a = rnd.nextInt(n);
        int b = rnd.nextInt(n);
        if (a != b && Math.abs(a - b) < 6) {
          w.put(Linker.key(a, b), (float) (rnd.nextDouble() * 12 - 5));
        }
      }
      long[] pairs = w.keySet().stream().mapToLong(Long::longValue).toArray();
      float[] weight = new float[pairs.length];
      for (int p = 0; p < pairs.length; p++) {
        weight[p] = w.get(pairs[p]);
      }
      int[] source = new int[n];
      for (int i = 0; i < n; i++) {
        source[i] = rnd.nextInt(3);
      }
      boolean linkOnly = rnd.nextBoolean();
      int[] joined = Clusterer.cluster(n, pairs, weight, source, linkOnly);
      int cut = rnd.nextInt(pairs.length + 1);
      int[] split =
          Clusterer.cluster(
              n,
              java.util.Arrays.copyOfRange(pairs, 0, cut),
              java.util.Arrays.copyOfRange(weight, 0, cut),
              java.util.Arrays.copyOfRange(pairs, cut, pairs.length),
              java.util.Arrays.copyOfRange(weight, cut, pairs.length),
              source,
              linkOnly);
      assertThat(split).isEqualTo(joined);
      merged += java.util.Arrays.stream(joined).distinct().count() < n - 2 ? 1 : 0;
    }
    assertThat(merged).isPositive(); // the graphs have clusters of three or more records
  }
}
