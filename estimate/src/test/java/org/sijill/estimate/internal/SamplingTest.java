package org.sijill.estimate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

  /**
   * Every person is allocated, whatever the weights: the unobserved of LCMCR are split among
   * classes this way, and one dropped by floating-point rounding would shrink N. Weights span many
   * orders of magnitude (as class probabilities of a rare pattern do) and include zeros. (A worry
   * that the running total could round to zero with people left over does not hold: people are left
   * over only when a class's weight is below the running total, and IEEE subtraction of a smaller
   * number from a larger one stays positive.)
   */
  @Test
  void multinomialAllocatesEveryoneAndNothingToZeroWeights() {
    Sampling rng = new Sampling(3);
    SplittableRandom gen = new SplittableRandom(17);
    long[] out = new long[15];
    for (int trial = 0; trial < 50_000; trial++) {
      double[] w = new double[1 + gen.nextInt(15)];
      for (int k = 0; k < w.length; k++) {
        int kind = gen.nextInt(4);
        w[k] = kind == 0 ? 0 : kind == 1 ? gen.nextDouble() : Math.pow(10, -gen.nextInt(40));
      }
      if (Arrays.stream(w).allMatch(x -> x == 0)) {
        w[gen.nextInt(w.length)] = 1;
      }
      long n = gen.nextInt(3) == 0 ? gen.nextLong(1, 5_000_000) : gen.nextInt(1, 50);
      Arrays.fill(out, -1);
      rng.multinomial(n, w, out);
      long sum = 0;
      for (int k = 0; k < w.length; k++) {
        assertThat(out[k]).isNotNegative();
        if (w[k] == 0) {
          assertThat(out[k]).as("trial %d class %d of %s", trial, k, Arrays.toString(w)).isZero();
        }
        sum += out[k];
      }
      assertThat(sum).as("trial %d weights %s", trial, Arrays.toString(w)).isEqualTo(n);
    }
  }

  @Test
  void multinomialFollowsTheWeights() {
    Sampling rng = new Sampling(5);
    long[] out = new long[3];
    long[] total = new long[3];
    for (int i = 0; i < 2_000; i++) {
      rng.multinomial(1_000, new double[] {1, 2, 7}, out);
      for (int k = 0; k < 3; k++) {
        total[k] += out[k];
      }
    }
    assertThat(total[0] / 2e6).isBetween(0.098, 0.102);
    assertThat(total[1] / 2e6).isBetween(0.198, 0.202);
    assertThat(total[2] / 2e6).isBetween(0.698, 0.702);
  }
}
