package org.sijill.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.internal.Lgamma;
import org.sijill.estimate.internal.McmcDiagnostics;

/**
 * The LCMCR Gibbs sampler against posteriors of N computed without it.
 *
 * <p>Summing N out of the model (prior on N proportional to 1/N) leaves the parameters with
 * posterior proportional to the prior times the conditional likelihood prod_x (P_x / (1 -
 * P_0))^{n_x}, and N - n given the parameters NegBin(n, 1 - P_0). With one class the parameters
 * integrate out too, so the posterior of N is exact on a grid. With several classes a random-walk
 * Metropolis sampler on that collapsed posterior (its own generator, no data augmentation, no class
 * allocations, alpha integrated out of the stick-breaking prior) gives an independent answer. They
 * catch a wrong full conditional that shifts N by a few percent, which the comparison with R
 * catches only on its four data sets. Checked by breaking the sampler: stick-breaking counts that
 * leave out the unobserved, or unobserved people allocated by the weights alone, fail; a wrong
 * alpha update moves the median by only 0.6% on this table and passes.
 */
class LcmcrPosteriorTest {

  /**
   * A two-group population drawn once (N = 3,000: 30% with capture probabilities 0.4-0.55, 70% with
   * 0.15-0.25, lists independent within a group), the simulation study's second scenario; 2,118
   * documented. Index = capture pattern, bit j = list j.
   */
  private static final long[] TWO_GROUPS = {
    0, 286, 214, 117, 348, 114, 91, 54, 286, 120, 111, 65, 127, 76, 65, 44
  };

  private static final double A = 0.25;
  private static final double B = 0.25;

  @Test
  void oneClassMatchesTheExactPosterior() {
    CaptureTable t = table();
    double[] gibbs = gibbsDraws(t, 1, 2, 5_000, 40_000, 2);
    long n = t.documented();
    int lists = t.listCount();
    // log p(N | x) = -log N + log N!/(N-n)! + sum_j log B(1 + n_j, 1 + N - n_j) + const
    int span = 20_000;
    double[] logPost = new double[span];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < span; i++) {
      long total = n + i;
      double lp = -Math.log(total) + Lgamma.of(total + 1.0) - Lgamma.of(i + 1.0);
      for (int j = 0; j < lists; j++) {
        long on = t.onList(j);
        lp += Beta.logBeta(1.0 + on, 1.0 + total - on);
      }
      logPost[i] = lp;
      max = Math.max(max, lp);
    }
    double[] cdf = new double[span];
    double acc = 0;
    for (int i = 0; i < span; i++) {
      acc += Math.exp(logPost[i] - max);
      cdf[i] = acc;
    }
    assertThat(cdf[span - 1] - cdf[span - 2]).isLessThan(1e-12 * acc);
    for (double q : new double[] {0.025, 0.5, 0.975}) {
      int i = 0;
      while (cdf[i] < q * acc) {
        i++;
      }
      double exact = n + i;
      assertThat(McmcDiagnostics.quantile(gibbs, q))
          .as("quantile %s", q)
          .isCloseTo(exact, within(0.01 * exact));
    }
  }

  @Test
  void threeClassesMatchAnIndependentMetropolisSampler() {
    CaptureTable t = table();
    int k = 3;
    double[] gibbs = gibbsDraws(t, k, 2, 20_000, 150_000, 5);
    CollapsedMetropolis mh = new CollapsedMetropolis(t, k, 99);
    double[] p0 = mh.run(10_000, 100_000, 50);
    long n = t.documented();
    double[][] checks = {{0.025, 0.015}, {0.5, 0.015}, {0.975, 0.04}};
    for (double[] c : checks) {
      double independent = negBinMixtureQuantile(n, p0, c[0]);
      double sampled = McmcDiagnostics.quantile(gibbs, c[0]);
      assertThat(sampled)
          .as("quantile %s", c[0])
          .isCloseTo(independent, within(c[1] * independent));
    }
  }

  private static CaptureTable table() {
    return CaptureTable.of(List.of("L1", "L2", "L3", "L4"), TWO_GROUPS);
  }

  /** Sorted pooled draws of N from {@code chains} Gibbs chains. */
  private static double[] gibbsDraws(
      CaptureTable t, int k, int chains, int burnIn, int sweeps, int thin) {
    double[] out = new double[chains * (sweeps / thin)];
    int o = 0;
    for (int c = 0; c < chains; c++) {
      LcmcrChain chain = new LcmcrChain(t, k, A, B, 20261125L + c);
      for (int i = 0; i < burnIn; i++) {
        chain.sweep();
      }
      for (int s = 0; s < sweeps / thin; s++) {
        for (int i = 0; i < thin - 1; i++) {
          chain.sweep();
        }
        out[o++] = chain.sweep();
      }
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * The q-quantile of N = n + NegBin(n, 1 - P_0) mixed over the draws of P_0: P(N - n <= m) is the
   * regularized incomplete beta I_{1 - P_0}(n, m + 1).
   */
  private static double negBinMixtureQuantile(long n, double[] p0, double q) {
    long lo = 0;
    long hi = 1;
    while (mixtureCdf(n, p0, hi) < q) {
      hi *= 2;
    }
    while (hi - lo > 1) {
      long mid = (lo + hi) / 2;
      if (mixtureCdf(n, p0, mid) < q) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return n + hi;
  }

  private static double mixtureCdf(long n, double[] p0, long m) {
    double s = 0;
    for (double p : p0) {
      s += Beta.regularizedBeta(1 - p, n, m + 1.0);
    }
    return s / p0.length;
  }

  /**
   * Metropolis-within-Gibbs on the collapsed LCMCR posterior: one Gaussian step per coordinate on
   * the logit scale (stick-breaking fractions V_1..V_{K-1}, then the K x t capture probabilities),
   * step sizes tuned during burn-in towards 40% acceptance, then frozen. Returns the kept draws of
   * P_0.
   */
  private static final class CollapsedMetropolis {
    private final int t;
    private final int k;
    private final long n;
    private final long[] counts;
    private final SplittableRandom random;
    private final double[] theta;
    private final double[] logNu;
    private final double[] cellLog;
    private final double[] logOn;
    private final double[] logOff;

    CollapsedMetropolis(CaptureTable table, int k, long seed) {
      this.t = table.listCount();
      this.k = k;
      this.n = table.documented();
      this.counts = new long[1 << t];
      for (int p = 1; p < counts.length; p++) {
        counts[p] = table.count(p);
      }
      this.random = new SplittableRandom(seed);
      this.theta = new double[k - 1 + k * t];
      for (int j = k - 1; j < theta.length; j++) {
        theta[j] = -1 + 0.1 * random.nextGaussian();
      }
      this.logNu = new double[k];
      this.cellLog = new double[k];
      this.logOn = new double[k * t];
      this.logOff = new double[k * t];
    }

    double[] run(int burnIn, int sweeps, int thin) {
      double[] step = new double[theta.length];
      Arrays.fill(step, 0.3);
      double current = logTarget();
      double[] kept = new double[sweeps / thin];
      int o = 0;
      for (int s = 0; s < burnIn + sweeps; s++) {
        for (int i = 0; i < theta.length; i++) {
          double old = theta[i];
          theta[i] = old + step[i] * random.nextGaussian();
          double proposed = logTarget();
          boolean accept = Math.log(random.nextDouble()) < proposed - current;
          if (accept) {
            current = proposed;
          } else {
            theta[i] = old;
          }
          if (s < burnIn) {
            step[i] *= accept ? 1.015 : 0.99;
          }
        }
        if (s >= burnIn && (s - burnIn) % thin == thin - 1) {
          logTarget(); // the last call may have been a rejected proposal
          kept[o++] = Math.exp(logCell(0));
        }
      }
      return kept;
    }

    /** Log of prior x conditional likelihood, with the logit Jacobians. */
    private double logTarget() {
      double sumLog1mV = 0;
      double lp = 0;
      double acc = 0;
      for (int c = 0; c < k - 1; c++) {
        double logV = logSigmoid(theta[c]);
        double log1mV = logSigmoid(-theta[c]);
        logNu[c] = logV + acc;
        acc += log1mV;
        sumLog1mV += log1mV;
        lp += logV + log1mV; // Jacobian of the logit
      }
      logNu[k - 1] = acc;
      // V_c iid Beta(1, alpha), alpha ~ Gamma(A, B) integrated out:
      // p(V) proportional to prod 1/(1 - V_c) * (B - sum log(1 - V_c))^-(A + K - 1)
      lp += -sumLog1mV - (A + k - 1) * Math.log(B - sumLog1mV);
      for (int j = k - 1; j < theta.length; j++) {
        logOn[j - (k - 1)] = logSigmoid(theta[j]);
        logOff[j - (k - 1)] = logSigmoid(-theta[j]);
        lp += logOn[j - (k - 1)] + logOff[j - (k - 1)]; // Beta(1, 1) and Jacobian
      }
      double log1mP0 = Math.log(-Math.expm1(logCell(0)));
      for (int p = 1; p < counts.length; p++) {
        if (counts[p] > 0) {
          lp += counts[p] * (logCell(p) - log1mP0);
        }
      }
      return lp;
    }

    /** log P(capture pattern p) under the parameters of the last {@link #logTarget()}. */
    private double logCell(int p) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double l = logNu[c];
        for (int j = 0; j < t; j++) {
          l += ((p >> j) & 1) == 1 ? logOn[c * t + j] : logOff[c * t + j];
        }
        cellLog[c] = l;
        max = Math.max(max, l);
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        s += Math.exp(cellLog[c] - max);
      }
      return max + Math.log(s);
    }

    private static double logSigmoid(double z) {
      return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }
  }
}
