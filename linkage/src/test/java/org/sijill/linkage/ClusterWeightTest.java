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
}
