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

  /**
   * The binomial draws follow the binomial distribution on every path the sampler takes: inversion
   * (n p below 10, with its shortcut to 0 when u <= 1 - n p), the transformed rejection with its
   * test read from the log-factorial table (n below 65,536) and with Stirling's series (n above),
   * and p above one half. A chi-square over every value expected at least 20 times (the rest pooled
   * in one cell) stays below its degrees of freedom plus six standard deviations, which a wrong
   * acceptance test or a lost term fails by far.
   */
  @Test
  void binomialDrawsFollowTheBinomialDistributionOnEveryPath() {
    Sampling rng = new Sampling(11);
    long[][] cases = {{30, 10}, {2_000_000, 1}, {200, 300}, {5_000, 20}, {100_000, 300}, {50, 900}};
    int draws = 200_000;
    for (long[] c : cases) {
      long n = c[0];
      double p = c[1] / 1000.0;
      if (n == 2_000_000) {
        p = 1e-7;
      }
      java.util.Map<Long, Integer> seen = new java.util.HashMap<>();
      for (int i = 0; i < draws; i++) {
        seen.merge(rng.binomial(n, p), 1, Integer::sum);
      }
      double chi = 0;
      int cells = 0;
      double restExpected = draws;
      long restSeen = draws;
      double mean = n * p;
      long lo = Math.max(0, (long) (mean - 12 * Math.sqrt(mean + 1)));
      long hi = Math.min(n, (long) (mean + 12 * Math.sqrt(mean + 1)) + 1);
      for (long x = lo; x <= hi; x++) {
        double logPmf =
            Lgamma.of(n + 1.0)
                - Lgamma.of(x + 1.0)
                - Lgamma.of(n - x + 1.0)
                + x * Math.log(p)
                + (n - x) * Math.log1p(-p);
        double expected = draws * Math.exp(logPmf);
        if (expected >= 20) {
          int o = seen.getOrDefault(x, 0);
          chi += (o - expected) * (o - expected) / expected;
          cells++;
          restExpected -= expected;
          restSeen -= o;
        }
      }
      if (restExpected >= 20) {
        chi += (restSeen - restExpected) * (restSeen - restExpected) / restExpected;
        cells++;
      }
      int df = Math.max(1, cells - 1);
      assertThat(chi)
          .as("binomial(%d, %s): chi-square %.1f on %d cells", n, p, chi, cells)
          .isLessThan(df + 6 * Math.sqrt(2.0 * df));
    }
  }
}
